using Microsoft.Extensions.Options;
using Outpost.Server.Hosting;

namespace Outpost.Server.Repository;

internal static class RepositoryServiceCollectionExtensions
{
    public static IServiceCollection AddTufRepository(this IServiceCollection services)
    {
        services.AddOptions<TufOptions>().BindConfiguration(TufOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.TimestampLifetime >= TimeSpan.FromMinutes(10) && o.SnapshotLifetime >= o.TimestampLifetime,
                "Set Outpost:Tuf:TimestampLifetime to at least 00:10:00 and Outpost:Tuf:SnapshotLifetime to at least the timestamp lifetime.")
            .Validate(o => o.RefreshInterval > TimeSpan.Zero && o.RefreshInterval * 4 <= o.TimestampLifetime,
                "Set Outpost:Tuf:RefreshInterval to a positive duration of at most a quarter of Outpost:Tuf:TimestampLifetime.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RepositoryLayout(sp.GetRequiredService<IOptions<OutpostOptions>>().Value.FullDataDirectory));
        services.AddSingleton<OnlineKeys>();
        services.AddSingleton<OnlineSigner>();
        services.AddSingleton<BlobStore>();
        services.AddSingleton<TufRepository>();
        services.AddHostedService<MetadataRefreshService>();
        return services;
    }
}
