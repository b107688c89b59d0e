using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Server.Security;
using Outpost.Server.Storage;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Admin;

/// <summary>
/// On the first start of a data folder (no admin token was ever created) makes the initial admin token. Its secret
/// exists only in this process's output (and the optional bootstrap file); the database keeps the hash.
/// </summary>
internal sealed class AdminBootstrapper(
    IAdminTokenStore store, IOptions<BootstrapOptions> options, TimeProvider time, ILogger<AdminBootstrapper> logger)
{
    /// <summary>The new secret, or null when the folder was already initialized.</summary>
    public async Task<string?> EnsureInitialTokenAsync(CancellationToken cancellationToken)
    {
        if (await store.AnyAsync(cancellationToken))
        {
            return null;
        }

        var secret = TokenSecrets.NewSecret(TokenSecrets.AdminPrefix);
        var token = new AdminTokenRecord
        {
            Id = RandomIds.New("adm-"), TokenHash = TokenSecrets.Hash(secret), Name = "initial-admin",
            Role = AdminRole.Admin, CreatedAt = time.GetUtcNow(),
        };
        await store.AddAsync(token, cancellationToken);
        if (!string.IsNullOrWhiteSpace(options.Value.AdminTokenFile))
        {
            PrivateFile.Write(options.Value.AdminTokenFile, secret + "\n");
        }

        Log.InitialAdminTokenCreated(logger, token.Id);
        return secret;
    }
}
