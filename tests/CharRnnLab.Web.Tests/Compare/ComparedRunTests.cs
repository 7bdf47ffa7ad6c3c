using CharRnnLab.Web.Compare;

namespace CharRnnLab.Web.Tests.Compare;

public sealed class ComparedRunTests
{
    private const string Id = "20250101-000000-aaaa";

    [Theory]
    // One layer, hidden 4, vocabulary 5: gates × (W_ih 4×5 + W_hh 4×4 + two biases of 4) + decoder 5×4 + 5.
    [InlineData("lstm", 4 * (20 + 16 + 8) + 25)]
    [InlineData("gru", 3 * (20 + 16 + 8) + 25)]
    [InlineData("rnn", 1 * (20 + 16 + 8) + 25)]
    public void The_parameter_count_is_every_weight_of_the_model(string cell, long expected)
    {
        var run = new ComparedRun(ComparedRuns.Run(Id, cell, hidden: 4), [], VocabularySize: 5);

        Assert.Equal(expected, run.ParameterCount);
    }

    [Fact]
    public void Without_a_vocabulary_there_is_no_parameter_count() =>
        Assert.Null(new ComparedRun(ComparedRuns.Run(Id), [], VocabularySize: null).ParameterCount);

    [Fact]
    public void The_best_validation_loss_is_the_lowest_on_the_curve_in_nats_and_bits()
    {
        var run = new ComparedRun(ComparedRuns.Run(Id, latestValidation: 9.0), ComparedRuns.Curve(Id, 100), 5);

        Assert.Equal(3.1, run.BestValidationLoss!.Value, precision: 9); // 4.1 − 0.01 × 100
        Assert.Equal(3.1 / Math.Log(2), run.BestValidationBits!.Value, precision: 9);
    }

    [Fact]
    public void A_curve_without_validation_points_falls_back_to_the_run_s_latest() =>
        Assert.Equal(2.5, new ComparedRun(ComparedRuns.Run(Id, latestValidation: 2.5), ComparedRuns.Curve(Id, 5), 5).BestValidationLoss);
}
