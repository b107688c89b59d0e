using Outpost.Cli.Output;
using Outpost.Protocol.Admin;

namespace Outpost.Cli.Tokens;

/// <summary>Human renderings of enrollment tokens.</summary>
internal static class TokenViews
{
    public static void WriteCreated(TextWriter output, CreatedEnrollmentToken created, DateTimeOffset now)
    {
        var info = created.Info;
        var tags = info.Tags.Count == 0 ? "no tags" : "tags " + string.Join(',', info.Tags);
        output.WriteLine(
            $"Created enrollment token {info.Id} for site {info.Site} ({tags}), {info.MaxUses} use(s), " +
            $"expires {RelativeTime.Format(info.ExpiresAt, now)} ({RelativeTime.Timestamp(info.ExpiresAt)}).");
        output.WriteLine();
        output.WriteLine("Token (shown only now, it is stored hashed):");
        output.WriteLine($"  {created.Token}");
        output.WriteLine();
        output.WriteLine("Enroll a device with:");
        output.WriteLine($"  outpost-agent enroll --server https://<device-api-host>:8443 --token {created.Token} --ca-fingerprint <ca-fingerprint>");
    }

    public static void WriteTable(TextWriter output, IReadOnlyList<EnrollmentTokenView> tokens, DateTimeOffset now)
    {
        if (tokens.Count == 0)
        {
            output.WriteLine("No enrollment tokens.");
            return;
        }

        var table = new Table("ID", "SITE", "TAGS", "USES", "STATE", "EXPIRES", "CREATED");
        foreach (var t in tokens)
        {
            table.AddRow(
                t.Id,
                t.Site,
                string.Join(',', t.Tags),
                $"{t.Uses}/{t.MaxUses}",
                State(t, now),
                RelativeTime.Format(t.ExpiresAt, now),
                RelativeTime.Format(t.CreatedAt, now));
        }

        table.WriteTo(output);
    }

    public static string State(EnrollmentTokenView token, DateTimeOffset now) =>
        token.RevokedAt is not null ? "revoked"
        : token.ExpiresAt <= now ? "expired"
        : token.Uses >= token.MaxUses ? "used up"
        : "active";
}
