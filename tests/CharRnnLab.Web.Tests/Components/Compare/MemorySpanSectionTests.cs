using Bunit;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Components.Compare;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CharRnnLab.Web.Tests.Components.Compare;

/// <summary>The Compare page's memory-span section over a real lab's tiny run: measured on request, one curve per run, problems named.</summary>
public sealed class MemorySpanSectionTests(TrainedRunFixture fixture) : LabComponentContext, IClassFixture<TrainedRunFixture>
{
    public override Task InitializeAsync()
    {
        Services.AddSingleton(fixture.Lab.Service<MemorySpanLoader>());
        return Task.CompletedTask;
    }

    private ComparedRun Run() => new(fixture.Lab.Service<RunManager>().Get(fixture.RunId), [], null);

    [Fact]
    public void Nothing_is_measured_until_asked_then_each_run_gets_a_curve_of_the_span()
    {
        var section = Render<MemorySpanSection>(p => p.Add(c => c.Runs, [Run()]));
        Assert.Empty(section.FindAll("[data-testid=memory-span-chart]"));

        section.Find("[data-testid=memory-span-measure]").Click();

        section.WaitForAssertion(() => Assert.Equal("1", section.Find("[data-testid=memory-span]").GetAttribute("data-curves")), TimeSpan.FromSeconds(60));
        section.WaitForAssertion(() => Assert.Empty(section.FindAll("[data-testid=memory-span-progress]")));
        var curve = Assert.Single(section.Instance.Curves);
        Assert.Equal(MemorySpanLoader.Span, curve.Chart.MeanNorms.Length);
        Assert.NotEmpty(section.FindAll("[data-testid=memory-span-chart]"));
        Assert.Contains("Measure again", section.Find("[data-testid=memory-span-measure]").TextContent);
    }

    [Fact]
    public void A_run_that_cannot_be_measured_is_named_and_the_others_are_still_drawn()
    {
        var missing = Run() with { Run = Run().Run with { Id = "r-missing", Name = "gone run" } };
        var section = Render<MemorySpanSection>(p => p.Add(c => c.Runs, [missing, Run()]));

        section.Find("[data-testid=memory-span-measure]").Click();

        section.WaitForAssertion(() => Assert.Equal("1", section.Find("[data-testid=memory-span]").GetAttribute("data-curves")), TimeSpan.FromSeconds(60));
        Assert.StartsWith("gone run: There is no run", section.Find("[data-testid=memory-span-problem]").TextContent.Trim());
    }
}
