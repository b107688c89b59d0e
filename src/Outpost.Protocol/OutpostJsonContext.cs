using System.Text.Json;
using System.Text.Json.Serialization;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Alerts;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Enrollment;
using Outpost.Protocol.Releases;
using Outpost.Protocol.Rollouts;
using Outpost.Protocol.Telemetry;

namespace Outpost.Protocol;

/// <summary>
/// Source-generated serialization for every wire record: the agent is NativeAOT and must not use
/// reflection-based System.Text.Json. Server and CLI use the same context so the wire format has one definition.
/// </summary>
/// <remarks>
/// A property with a default value (<c>= 1</c>, <c>= []</c>) is <c>set</c>, not <c>init</c>: the generator must assign
/// every init-only property in the object initializer, so an omitted field would arrive as 0 or null instead of its
/// default (OutpostJsonContextTests pins this down).
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(EnrollmentRequest))]
[JsonSerializable(typeof(EnrollmentResponse))]
[JsonSerializable(typeof(CheckInRequest))]
[JsonSerializable(typeof(CheckInResponse))]
[JsonSerializable(typeof(CertificateRenewalRequest))]
[JsonSerializable(typeof(CertificateRenewalResponse))]
[JsonSerializable(typeof(SystemSnapshot))]
[JsonSerializable(typeof(DeviceView))]
[JsonSerializable(typeof(DeviceList))]
[JsonSerializable(typeof(CreateEnrollmentTokenRequest))]
[JsonSerializable(typeof(EnrollmentTokenView))]
[JsonSerializable(typeof(IReadOnlyList<EnrollmentTokenView>))]
[JsonSerializable(typeof(CreatedEnrollmentToken))]
[JsonSerializable(typeof(CreateAdminTokenRequest))]
[JsonSerializable(typeof(AdminTokenView))]
[JsonSerializable(typeof(IReadOnlyList<AdminTokenView>))]
[JsonSerializable(typeof(CreatedAdminToken))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(ReleaseView))]
[JsonSerializable(typeof(UpdateReport))]
[JsonSerializable(typeof(SetDesiredReleaseRequest))]
[JsonSerializable(typeof(IReadOnlyList<ReleaseView>))]
[JsonSerializable(typeof(TelemetryBatch))]
[JsonSerializable(typeof(TelemetryAck))]
// alerts
[JsonSerializable(typeof(AlertView))]
[JsonSerializable(typeof(AlertList))]
// Telemetry admin API (issue 6)
[JsonSerializable(typeof(MetricSeriesView))]
[JsonSerializable(typeof(TelemetryEntryList))]
[JsonSerializable(typeof(TelemetryStreamList))]
[JsonSerializable(typeof(FleetSummary))]
// Rollouts
[JsonSerializable(typeof(RolloutSpec))]
[JsonSerializable(typeof(RolloutView))]
[JsonSerializable(typeof(RolloutList))]
[JsonSerializable(typeof(RolloutDecisionList))]
[JsonSerializable(typeof(RolloutEvidence))]
[JsonSerializable(typeof(IReadOnlyList<RolloutGateView>))]
public sealed partial class OutpostJsonContext : JsonSerializerContext;
