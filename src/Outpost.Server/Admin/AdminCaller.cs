using Outpost.Server.Storage;

namespace Outpost.Server.Admin;

/// <summary>Request feature: the admin token that authenticated this request.</summary>
internal sealed record AdminCaller(AdminTokenRecord Token);
