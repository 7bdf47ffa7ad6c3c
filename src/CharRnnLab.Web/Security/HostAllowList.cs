using System.Net;
using CharRnnLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Security;

/// <summary>
/// The host names the lab answers to, against DNS rebinding (a page on rebind.attacker.example whose
/// name is later pointed at 127.0.0.1 would otherwise be same-origin with the lab): localhost, the
/// names in the listen addresses (the machine's own name for 0.0.0.0 and [::]), and
/// <see cref="LabOptions.AllowedHosts"/>. IP literals always pass: a rebinding attack needs a name.
/// </summary>
public sealed class HostAllowList
{
    private readonly AccessGate _gate;
    private readonly string[] _configured;
    private readonly bool _any;

    public HostAllowList(IOptions<LabOptions> options, AccessGate gate)
    {
        _gate = gate;
        _configured = options.Value.AllowedHostNames;
        _any = _configured.Contains("*");
    }

    public bool Allows(HostString host)
    {
        if (_any) return true;
        var name = host.Host.TrimEnd('.');
        if (name.Length == 0) return false;
        if (IPAddress.TryParse(name.Trim('[', ']'), out _)) return true;
        return Names().Any(allowed => Matches(allowed, name));
    }

    /// <summary>Read per request: the listen addresses are known only once the server has bound (port 0 in tests).</summary>
    private IEnumerable<string> Names()
    {
        yield return "localhost";
        foreach (var address in _gate.Addresses)
        {
            if (ListenAddresses.IsWildcard(address)) yield return Dns.GetHostName();
            else yield return ListenAddresses.HostOf(address);
        }
        foreach (var name in _configured) yield return name;
    }

    /// <summary>"lab.example.org" matches itself; "*.example.org" matches any name under example.org.</summary>
    private static bool Matches(string allowed, string name) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : name.Equals(allowed.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
