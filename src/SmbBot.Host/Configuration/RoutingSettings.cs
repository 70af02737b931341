using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmbBot.Core.Routing;

namespace SmbBot.Host.Configuration;

/// <summary>The <c>Routing</c> section for the command verbs, checked as the server checks it at start.</summary>
public static class RoutingSettings
{
    /// <summary>Binds and validates the section; throws <see cref="OptionsValidationException"/> with every problem.</summary>
    public static RoutingOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(RoutingOptions.SectionName).Get<RoutingOptions>() ?? new();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
            throw new OptionsValidationException(RoutingOptions.SectionName, typeof(RoutingOptions),
                problems.Select(p => $"{RoutingOptions.SectionName}:{string.Join(",", p.MemberNames)}: {p.ErrorMessage}"));
        return options;
    }
}
