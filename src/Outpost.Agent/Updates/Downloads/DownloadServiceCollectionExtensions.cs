using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Outpost.Agent.Updates.Downloads;

internal static class DownloadServiceCollectionExtensions
{
    /// <summary>Download settings (section <c>Downloads</c>), validated at start.</summary>
    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DownloadOptions>, DownloadOptionsValidator>();
        services.AddSingleton<DownloadMeter>();
        return services;
    }
}
