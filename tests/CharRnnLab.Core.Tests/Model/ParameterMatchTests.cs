using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Model;

public sealed class ParameterMatchTests
{
    [Fact]
    public void A_vanilla_rnn_matching_a_tiny_lstm_is_the_hand_computed_width()
    {
        // LSTM 1×4, vocabulary 5: 4·(4·5 + 4·4 + 2·4) + (5·4 + 5) = 201 weights.
        // RNN 1×h: h·5 + h² + 2h + 5h + 5 = h² + 12h + 5: 194 at h = 9, 225 at h = 10.
        var lstm = new ModelConfig(CellType.Lstm, Layers: 1, Hidden: 4);
        Assert.Equal(201, ParameterLayout.ParameterCount(lstm, 5));

        Assert.Equal(9, ParameterMatch.HiddenFor(201, new ModelConfig(CellType.Rnn, Layers: 1), vocabulary: 5));
    }

    [Theory]
    [InlineData(CellType.Gru, 1)]
    [InlineData(CellType.Rnn, 1)]
    [InlineData(CellType.Gru, 2)]
    [InlineData(CellType.Rnn, 3)]
    [InlineData(CellType.Lstm, 3)]
    public void No_other_width_comes_closer_to_the_target(CellType cell, int layers)
    {
        const int vocabulary = 65;
        long target = ParameterLayout.ParameterCount(new ModelConfig(CellType.Lstm, 2, 128), vocabulary);
        var shape = new ModelConfig(cell, layers);

        int hidden = ParameterMatch.HiddenFor(target, shape, vocabulary);

        long Distance(int h) => Math.Abs(ParameterLayout.ParameterCount(shape with { Hidden = h }, vocabulary) - target);
        Assert.All(Enumerable.Range(1, 1024), h => Assert.True(Distance(hidden) <= Distance(h), $"hidden {h} is closer than {hidden}"));
    }

    [Fact]
    public void Wider_cells_get_more_units_for_the_same_budget()
    {
        var lstm = new ModelConfig(CellType.Lstm, 2, 128);

        var matched = ParameterMatch.Matched(lstm, [lstm, lstm with { Cell = CellType.Gru }, lstm with { Cell = CellType.Rnn }], vocabulary: 65);

        Assert.Equal(128, matched[0].Hidden);
        Assert.True(matched[1].Hidden > 128 && matched[2].Hidden > matched[1].Hidden, string.Join(", ", matched.Select(m => m.Hidden)));
    }

    [Fact]
    public void A_budget_beyond_the_largest_width_gets_the_largest() =>
        Assert.Equal(300, ParameterMatch.HiddenFor(long.MaxValue / 2, new ModelConfig(CellType.Rnn, 1), 5, maxHidden: 300));
}
