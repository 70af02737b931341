using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SmbBot.Host.WebSecurity;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> headers are believed (section
/// <c>Proxy</c>). None by default: the headers are then ignored, since anyone can send them.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>127.0.0.1</c> for nginx on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var p in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Proxy:KnownProxies has '{p}', which is not an IP address");
        foreach (var n in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"Proxy:KnownNetworks has '{n}', which is not a network like 10.0.0.0/8");
    }
}
