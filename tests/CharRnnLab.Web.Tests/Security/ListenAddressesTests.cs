using CharRnnLab.Web.Security;

namespace CharRnnLab.Web.Tests.Security;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://127.0.0.2:80/", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://192.168.1.20:5000", false)]
    [InlineData("https://lab.example.org:443", false)]
    public void Only_loopback_addresses_count_as_private(string address, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(address));

    [Theory]
    [InlineData("http://0.0.0.0:5000", true)]
    [InlineData("http://[::]:5000", true)]
    [InlineData("http://*:5000", true)]
    [InlineData("http://+:5000/", true)]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("http://lab.example.org:5000", false)]
    public void Wildcards_are_every_interface(string address, bool wildcard) =>
        Assert.Equal(wildcard, ListenAddresses.IsWildcard(address));

    [Fact]
    public void A_wildcard_address_is_shown_under_the_machines_name() =>
        Assert.Equal($"http://{System.Net.Dns.GetHostName()}:5000", ListenAddresses.Browsable("http://0.0.0.0:5000/"));
}
