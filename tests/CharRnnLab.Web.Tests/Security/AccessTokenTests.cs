using System.Net;
using CharRnnLab.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Security;

public sealed class AccessTokenTests
{
    private const string Token = "test-token-0123456789abcdef";

    [Fact]
    public async Task On_loopback_no_token_is_needed()
    {
        await using var lab = await LabHost.StartAsync();
        using var http = new HttpClient { BaseAddress = lab.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task When_required_requests_without_the_token_get_401_with_directions()
    {
        await using var lab = await StartGuardedAsync();
        using var http = new HttpClient { BaseAddress = lab.BaseAddress };

        var page = new HttpRequestMessage(HttpMethod.Get, "/runs");
        page.Headers.Accept.ParseAdd("text/html");
        var response = await http.SendAsync(page);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("access token", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/?token=wrong-{Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/hubs/training/negotiate?negotiateVersion=1", null)).StatusCode);
    }

    [Fact]
    public async Task The_token_in_the_url_sets_a_cookie_and_redirects_to_the_clean_address()
    {
        await using var lab = await StartGuardedAsync();
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = lab.BaseAddress };

        var request = new HttpRequestMessage(HttpMethod.Get, $"/runs?token={Token}&x=1");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/runs?x=1", response.Headers.Location!.OriginalString);
        Assert.Equal(Token, cookies.GetCookies(lab.BaseAddress)[AccessTokenMiddleware.CookieName]!.Value);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/runs")).StatusCode);
    }

    [Fact]
    public async Task SignalR_clients_pass_the_token_as_access_token()
    {
        await using var lab = await StartGuardedAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => lab.ConnectAsync());
        await using var hub = await lab.ConnectAsync(() => Task.FromResult<string?>(Token));
        Assert.Empty(await hub.InvokeAsync<IReadOnlyList<CharRnnLab.Web.Contracts.RunSummary>>("ListRuns"));
    }

    private static Task<LabHost> StartGuardedAsync() =>
        LabHost.StartAsync(settings: [("Lab:AccessTokenMode", "Always"), ("Lab:AccessToken", Token)]);
}
