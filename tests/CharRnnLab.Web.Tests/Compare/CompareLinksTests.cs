using CharRnnLab.Web.Compare;

namespace CharRnnLab.Web.Tests.Compare;

public sealed class CompareLinksTests
{
    private const string A = "20250101-000000-aaaa", B = "20250101-000000-bbbb";

    [Fact]
    public void A_link_names_its_runs_in_order_and_the_axis_unless_it_is_iterations()
    {
        Assert.Equal($"/compare?runs={B},{A}", CompareLinks.For([B, A]));
        Assert.Equal($"/compare?runs={A},{B}&x=chars", CompareLinks.For([A, B], CompareAxis.Characters));
        Assert.Equal("/compare?x=time", CompareLinks.For([], CompareAxis.WallTime));
        Assert.Equal($"/compare?runs={A}&queued=q-1,q-2&x=chars", CompareLinks.For([A], CompareAxis.Characters, ["q-1", "q-2"]));
        Assert.Equal("/compare?queued=q-1", CompareLinks.For([], queuedIds: ["q-1"]));
    }

    [Fact]
    public void Parsing_drops_blanks_and_repeats_and_keeps_the_order()
    {
        Assert.Equal([B, A], CompareLinks.ParseRuns($" {B},,{A},{B} "));
        Assert.Empty(CompareLinks.ParseRuns(null));
    }

    [Theory]
    [InlineData("chars", CompareAxis.Characters)]
    [InlineData("TIME", CompareAxis.WallTime)]
    [InlineData("iterations", CompareAxis.Iterations)]
    [InlineData("furlongs", CompareAxis.Iterations)]
    [InlineData(null, CompareAxis.Iterations)]
    public void An_axis_parses_from_its_url_name_and_anything_else_is_iterations(string? wire, CompareAxis expected) =>
        Assert.Equal(expected, CompareAxes.Parse(wire));

    [Fact]
    public void Every_axis_survives_a_round_trip_through_its_url_name() =>
        Assert.All(Enum.GetValues<CompareAxis>(), axis => Assert.Equal(axis, CompareAxes.Parse(axis.Wire())));
}
