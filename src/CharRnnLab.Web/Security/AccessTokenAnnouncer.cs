using System.Net;

namespace CharRnnLab.Web.Security;

/// <summary>Prints where the lab is listening once the server has bound, with the token when one is needed.</summary>
public sealed class AccessTokenAnnouncer(AccessGate gate, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        foreach (var address in gate.Addresses)
        {
            var url = Browsable(address);
            Console.WriteLine(gate.IsRequired
                ? $"CharRnnLab: open {url}/?token={gate.Token}"
                : $"CharRnnLab: open {url}/");
        }
        if (gate.IsRequired)
            Console.WriteLine("CharRnnLab: the lab is reachable beyond this computer, so it asks for the token above.");
    }

    /// <summary>http://0.0.0.0:5000 → http://hostname:5000, an address someone can actually open.</summary>
    private static string Browsable(string address)
    {
        foreach (var wildcard in new[] { "0.0.0.0", "[::]", "*", "+" })
            if (address.Contains($"://{wildcard}:", StringComparison.Ordinal))
                return address.Replace($"://{wildcard}:", $"://{Dns.GetHostName()}:");
        return address.TrimEnd('/');
    }
}
