using Outpost.Server.Storage;

namespace Outpost.Server.Dashboard;

/// <summary>A logged-in dashboard session with the admin token it acts as (read together, so a revoked token is seen at once).</summary>
internal sealed record DashboardSession(string IdHash, AdminTokenRecord Token, string Csrf, DateTimeOffset ExpiresAt);
