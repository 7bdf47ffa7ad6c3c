using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CharRnnLab.Web.Tests.Hosting;

public sealed class LabLoggingTests
{
    [Fact]
    public async Task By_default_ASPNET_request_lines_are_quiet_and_the_labs_own_lines_stay()
    {
        string data = LabHost.NewTemporaryDirectory();
        try
        {
            await using var app = LabApplication.Build(["--urls", "http://127.0.0.1:0", $"--Lab:DataDirectory={data}"]);
            var loggers = app.Services.GetRequiredService<ILoggerFactory>();

            Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
            Assert.False(loggers.CreateLogger("System.Net.Http.HttpClient.corpora.LogicalHandler").IsEnabled(LogLevel.Information));
            Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
            Assert.True(loggers.CreateLogger(typeof(CharRnnLab.Web.Runs.RunManager).FullName!).IsEnabled(LogLevel.Information));
            Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher").IsEnabled(LogLevel.Error));
            Assert.True(loggers.CreateLogger(typeof(CharRnnLab.Web.Hubs.LabHubFilter).FullName!).IsEnabled(LogLevel.Error));
        }
        finally { Directory.Delete(data, recursive: true); }
    }

    [Fact]
    public async Task The_command_line_can_raise_them_again()
    {
        string data = LabHost.NewTemporaryDirectory();
        try
        {
            await using var app = LabApplication.Build(["--urls", "http://127.0.0.1:0", $"--Lab:DataDirectory={data}",
                "--Logging:LogLevel:Microsoft.AspNetCore=Information"]);

            Assert.True(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        }
        finally { Directory.Delete(data, recursive: true); }
    }

    [Fact]
    public async Task A_refused_hub_call_answers_the_caller_and_prints_no_error()
    {
        var capture = new CapturingLoggerProvider();
        await using (var lab = await LabHost.StartAsync(builder => builder.Logging.AddProvider(capture)))
        await using (var hub = await lab.ConnectAsync())
        {
            var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync("PauseRun", "no-such-run"));
            Assert.Contains("no-such-run", refused.Message);
        }

        Assert.DoesNotContain(capture.Logs, l => l.Level >= LogLevel.Error);
    }
}
