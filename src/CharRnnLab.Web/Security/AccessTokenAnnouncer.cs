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
        var addresses = gate.Addresses;
        foreach (var address in addresses)
        {
            var url = ListenAddresses.Browsable(address);
            Console.WriteLine(gate.IsRequiredAt(address)
                ? $"CharRnnLab: open {url}/?token={gate.Token}"
                : $"CharRnnLab: open {url}/");
        }
        if (addresses.Any(gate.IsRequiredAt))
            Console.WriteLine(gate.AlwaysRequired
                ? "CharRnnLab: Lab:AccessTokenMode is Always, so every request needs the token above."
                : "CharRnnLab: the lab is reachable beyond this computer, so it asks for the token above.");
        else
            Console.WriteLine($"CharRnnLab: requests relayed by a proxy or tunnel need the token: ?token={gate.Token}");
    }
}
