using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmbBot.Core.Routing;

namespace SmbBot.Host.Configuration;

/// <summary>Settings sections for the command verbs, checked as the server checks them at start.</summary>
public static class RoutingSettings
{
    /// <summary>Binds and validates the <c>Routing</c> section; throws <see cref="OptionsValidationException"/> with every problem.</summary>
    public static RoutingOptions Read(IConfiguration configuration) => Read<RoutingOptions>(configuration, RoutingOptions.SectionName);

    /// <summary>Binds and validates section <paramref name="section"/>; throws <see cref="OptionsValidationException"/> with every problem.</summary>
    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
            throw new OptionsValidationException(section, typeof(T),
                problems.Select(p => p.MemberNames.Any() ? $"{section}:{string.Join(",", p.MemberNames)}: {p.ErrorMessage}" : p.ErrorMessage ?? section));
        return options;
    }
}
