using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Tests.Analysis.Ranking;

public class RangeSearchTests
{
    [Fact]
    public void Cell_on_exactly_inside_the_selection_ranks_above_one_on_beyond_it()
    {
        var synthetic = new SyntheticRecording(400, units: 16);
        foreach (var key in synthetic.Values.Keys.ToList()) // noise that stays below the threshold
            synthetic.Values[key] = synthetic.Values[key].Select(v => 0.3f * MathF.Tanh(v)).ToArray();
        synthetic.Plant(1, ActivationKind.Cell, 9, t => t is >= 100 and < 120 ? 0.9f : 0.1f);
        synthetic.Plant(0, ActivationKind.Hidden, 4, t => t is >= 90 and < 130 ? 0.9f : 0.1f);   // too wide
        synthetic.Plant(0, ActivationKind.Cell, 2, t => t is >= 105 and < 115 ? 0.9f : 0.1f);    // half the range

        var matches = RangeSearch.Find(synthetic.Build(), 100, 120, threshold: 0.5f, margin: 3, top: 3);

        Assert.Equal(new CellId(1, ActivationKind.Cell, 9), matches[0].Cell);
        Assert.Equal((1.0, 1.0, 0.0), (matches[0].Score, matches[0].InsideOn, matches[0].OutsideOn));
        Assert.Equal(new CellId(0, ActivationKind.Cell, 2), matches[1].Cell);
        Assert.Equal(0.5, matches[1].Score);
        Assert.DoesNotContain(matches, m => m.Cell == new CellId(0, ActivationKind.Hidden, 4) && m.Score > 0);
    }

    [Fact]
    public void Margins_are_clipped_at_the_text_edges()
    {
        var synthetic = new SyntheticRecording(50, units: 2);
        synthetic.Plant(0, ActivationKind.Cell, 0, t => t < 10 ? 1f : -1f);

        var match = RangeSearch.Find(synthetic.Build(), 0, 10, 0.5f, margin: 5, top: 1, new CellSelection([0], [ActivationKind.Cell]))[0];

        Assert.Equal((0, 1.0, 0.0), (match.Unit, match.InsideOn, match.OutsideOn));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(-1, 3)]
    [InlineData(10, 51)]
    public void Empty_or_out_of_text_ranges_are_refused(int start, int end)
    {
        var recording = new SyntheticRecording(50, units: 2).Build();
        var error = Assert.Throws<CharRnnException>(() => RangeSearch.Find(recording, start, end, 0.5f));
        Assert.Contains("50-character text", error.Message);
    }
}
