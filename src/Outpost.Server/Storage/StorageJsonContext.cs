using System.Text.Json.Serialization;

namespace Outpost.Server.Storage;

[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
