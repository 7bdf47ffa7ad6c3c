using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;
using TorchSharp;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Tests.Training;

/// <summary>The explicit LSTM backward against libtorch's autograd through nn.LSTM, which it replaces.</summary>
public class ExplicitLstmStepTests
{
    private const int Vocabulary = 5, Steps = 3, Streams = 2;

    [Theory]
    [InlineData(4, 1, 0)]
    [InlineData(4, 2, 0)]
    [InlineData(4, 2, 3)]
    [InlineData(12, 2, 0)] // one whole vector of 8 units and a tail of 4
    public void Loss_state_and_every_gradient_equal_autograd(int hidden, int layers, int embedding)
    {
        using var scope = torch.NewDisposeScope();
        using var model = new CharRnnModel(new ModelConfig(CellType.Lstm, layers, hidden, embedding), Vocabulary, seed: 3);
        var generator = new Random(5);
        var inputs = Symbols(generator);
        var targets = Symbols(generator);
        using var state = CarriedState(layers, hidden, generator);

        var (plainLoss, plainNext) = AutogradStep(model, inputs, targets, state);
        var plainGradients = Gradients(model);
        foreach (var (_, p) in model.named_parameters()) p.grad?.zero_();
        var (loss, next) = new ExplicitLstmStep(model).Run(inputs, targets, state);
        var gradients = Gradients(model);

        Assert.Equal(plainLoss.item<float>(), loss.item<float>(), 1e-5);
        AssertClose(plainNext.H, next.H, "h");
        AssertClose(plainNext.C!, next.C!, "c");
        Assert.Equal(plainGradients.Keys.Order(), gradients.Keys.Order());
        foreach (var (name, plain) in plainGradients)
        {
            Assert.True(plain.abs().max().item<float>() > 1e-4, $"{name}'s gradient is zero: the comparison would prove nothing");
            AssertClose(plain, gradients[name], name);
        }
    }

    [Fact]
    public async Task The_engine_trains_with_it_to_the_same_losses_as_with_autograd()
    {
        var model = TinyModel(layers: 2);
        var training = TinyTraining(8) with { EvalEvery = 4 };

        var plain = await Run(model, training, StepPath.Autograd);
        var fast = await Run(model, training, StepPath.Automatic);

        Assert.Equal(8, fast.Losses.Length);
        for (int i = 0; i < plain.Losses.Length; i++) Assert.Equal(plain.Losses[i], fast.Losses[i], 1e-5);
        Assert.Equal(plain.Progress.Select(p => p.ValidationLoss is null), fast.Progress.Select(p => p.ValidationLoss is null));
        Assert.Equal(plain.Progress[^1].ValidationLoss!.Value, fast.Progress[^1].ValidationLoss!.Value, 1e-5);
    }

    [Theory]
    [InlineData(CellType.Lstm, 2, 0.0, true)]
    [InlineData(CellType.Lstm, 1, 0.5, true)]  // one layer: no dropout between layers to draw
    [InlineData(CellType.Lstm, 2, 0.5, false)] // nn.LSTM's dropout masks: autograd
    [InlineData(CellType.Gru, 2, 0.0, false)]
    [InlineData(CellType.Rnn, 1, 0.0, false)]
    public void It_is_chosen_only_where_it_computes_what_autograd_does(CellType cell, int layers, double dropout, bool fits)
    {
        using var model = new CharRnnModel(new ModelConfig(cell, layers, 4, Dropout: dropout), Vocabulary);
        Assert.Equal(fits, ExplicitLstmStep.Fits(model));
    }

    private static async Task<RecordingObserver> Run(ModelConfig model, TrainingConfig training, StepPath path)
    {
        var observer = new RecordingObserver();
        using var lane = NewLane();
        using var session = TrainingSession.Create(RepetitiveCorpus(), model, training, null, observer, lane, path);
        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(120));
        return observer;
    }

    private static (Tensor Loss, RecurrentState Next) AutogradStep(CharRnnModel model, Tensor inputs, Tensor targets, RecurrentState state)
    {
        var (logits, next) = model.call(inputs, state);
        var loss = nn.functional.cross_entropy(logits.reshape(-1, Vocabulary), targets.reshape(-1));
        loss.backward();
        return (loss, next);
    }

    private static Dictionary<string, Tensor> Gradients(CharRnnModel model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());

    private static Tensor Symbols(Random generator) =>
        torch.tensor(Enumerable.Range(0, Streams * Steps).Select(_ => (long)generator.Next(Vocabulary)).ToArray(), [Streams, Steps]);

    /// <summary>A non-zero carried state, so the first step's use of h and c is tested too.</summary>
    private static RecurrentState CarriedState(int layers, int hidden, Random generator)
    {
        float[] Draw() => Enumerable.Range(0, layers * Streams * hidden).Select(_ => (float)(generator.NextDouble() - 0.5)).ToArray();
        return new RecurrentState(torch.tensor(Draw(), [layers, Streams, hidden]), torch.tensor(Draw(), [layers, Streams, hidden]));
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        float difference = (expected - actual).abs().max().item<float>();
        Assert.True(difference <= 1e-5, $"{what} differs from autograd's by {difference:E2}");
    }
}
