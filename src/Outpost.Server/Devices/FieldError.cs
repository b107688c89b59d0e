namespace Outpost.Server.Devices;

/// <summary>A refused request parameter: its name (as problem+json <c>errors</c> key) and what to send instead.</summary>
internal sealed record FieldError(string Field, string Message);
