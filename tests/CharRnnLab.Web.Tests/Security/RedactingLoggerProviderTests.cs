using CharRnnLab.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CharRnnLab.Web.Tests.Security;

public sealed class RedactingLoggerProviderTests
{
    private const string Secret = "sekrit-0123456789abcdef";

    [Fact]
    public async Task Request_lines_logged_at_a_raised_level_never_show_the_token()
    {
        var capture = new CapturingLoggerProvider();
        await using (var lab = await LabHost.StartAsync(builder => builder.Logging.AddProvider(capture),
                         ("Logging:LogLevel:Microsoft.AspNetCore", "Information")))
        {
            await GuardedRequests.GetAsync(lab, $"/runs?token={Secret}&x=1");
            await GuardedRequests.SendAsync(lab, HttpMethod.Post, $"/hubs/training/negotiate?negotiateVersion=1&access_token={Secret}");
            await GuardedRequests.GetAsync(lab, "/runs", ("Authorization", $"Bearer {Secret}"));
        }

        var requestLines = capture.Logs.Where(l => l.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)).ToList();
        Assert.Contains(requestLines, l => l.Message.Contains($"/runs?token={TokenRedaction.Mask}&x=1"));
        Assert.Contains(requestLines, l => l.Message.Contains($"access_token={TokenRedaction.Mask}"));
        Assert.DoesNotContain(capture.Logs, l => l.Message.Contains(Secret) || l.Values.Contains(Secret));
    }

    [Theory]
    [InlineData("GET http://127.0.0.1:5000/?token=abc123 - -", "GET http://127.0.0.1:5000/?token=[redacted] - -")]
    [InlineData("/hubs/training?id=x&access_token=abc.def-1", "/hubs/training?id=x&access_token=[redacted]")]
    [InlineData("?TOKEN=abc&next=1", "?TOKEN=[redacted]&next=1")]
    [InlineData("Authorization: Bearer abc123", "Authorization: Bearer [redacted]")]
    [InlineData("/runs?mytoken=keep&tokens=2", "/runs?mytoken=keep&tokens=2")]
    [InlineData("nothing to hide", "nothing to hide")]
    public void Token_values_are_masked_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, TokenRedaction.Redact(text));

    [Fact]
    public void Structured_values_are_redacted_too()
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(capture));
        RedactingLoggerProvider.WrapAll(services);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILoggerFactory>().CreateLogger("Test").LogWarning("Fetched {Url}", $"https://x.example/?token={Secret}");

        var line = Assert.Single(capture.Logs);
        Assert.Equal($"Fetched https://x.example/?token={TokenRedaction.Mask}", line.Message);
        Assert.DoesNotContain(Secret, line.Values);
    }
}
