using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmbBot.Core;

/// <summary>How every settings section is registered: bound, validated at start, and given to services as its value.</summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Binds section <paramref name="section"/> to <typeparamref name="T"/>, validates its DataAnnotations (and
    /// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) when the host starts, and registers the
    /// validated value itself as a singleton.
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }
}
