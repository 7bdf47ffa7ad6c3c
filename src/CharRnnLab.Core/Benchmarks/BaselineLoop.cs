using System.Diagnostics;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>Speed of the bare baseline loop.</summary>
/// <param name="Iterations">Timed iterations (after warm-up).</param>
/// <param name="SymbolsPerSecond">Training symbols (B·T per iteration) per second.</param>
/// <param name="LastLoss">Loss of the last iteration, to show it really trained.</param>
public sealed record BaselineResult(int Iterations, double SymbolsPerSecond, double LastLoss);

/// <summary>
/// The yardstick for the engine's speed: the textbook loop a PyTorch user would write —
/// nn.LSTM/GRU/RNN + Linear, cross-entropy, backward, clip_grad_norm_, Adam, loss.item() — over
/// the same minibatches, with nothing else (no observer, no checkpoints, no validation).
/// For benchmarks only.
/// </summary>
public static class BaselineLoop
{
    /// <summary>Trains on <paramref name="lane"/>, with the lane's libtorch thread count.</summary>
    public static Task<BaselineResult> MeasureAsync(Corpus corpus, ModelConfig model, TrainingConfig training,
        int warmup, int iterations, ComputeLane lane) =>
        lane.Run(() => Measure(corpus, model, training, warmup, iterations));

    private static BaselineResult Measure(Corpus corpus, ModelConfig model, TrainingConfig training, int warmup, int iterations)
    {
        torch.random.manual_seed(training.Seed);
        var loader = new MinibatchLoader(corpus.Encoded, training.Batch, training.Seq, training.ValidationFraction);
        int v = corpus.Vocabulary.Count, t = training.Seq;
        using var embedding = model.Embedding > 0 ? nn.Embedding(v, model.Embedding) : null;
        using var rnn = Recurrent(model, v);
        using var head = nn.Linear(model.Hidden, v);
        var parameters = (embedding?.parameters() ?? []).Concat(rnn.parameters()).Concat(head.parameters()).ToArray();
        using var optimizer = torch.optim.Adam(parameters, training.LearningRate, beta1: 0.9, beta2: 0.999);
        using var data = torch.tensor(Array.ConvertAll(loader.Train.Symbols, s => (long)s), [loader.Train.Streams, loader.Train.Columns]);
        var h = torch.zeros(model.Layers, training.Batch, model.Hidden).DetachFromDisposeScope();
        var c = torch.zeros(model.Layers, training.Batch, model.Hidden).DetachFromDisposeScope();

        var clock = new Stopwatch();
        double loss = 0;
        for (int i = 0; i < warmup + iterations; i++)
        {
            if (i == warmup) clock.Start();
            using var scope = torch.NewDisposeScope();
            int k = i % loader.TrainBatches;
            var x = data.narrow(1, k * t, t);
            var y = data.narrow(1, k * t + 1, t);
            var input = embedding is not null ? embedding.call(x) : nn.functional.one_hot(x, v).to(ScalarType.Float32);
            var (output, hn, cn) = Forward(rnn, input, h, c);
            var logits = head.call(output);
            var lossTensor = nn.functional.cross_entropy(logits.reshape(-1, v), y.reshape(-1));
            optimizer.zero_grad();
            lossTensor.backward();
            if (training.GradClip > 0) nn.utils.clip_grad_norm_(parameters, training.GradClip);
            optimizer.step();
            loss = lossTensor.item<float>();
            h.Dispose();
            c.Dispose();
            h = hn.detach().DetachFromDisposeScope();
            c = cn.detach().DetachFromDisposeScope();
        }
        clock.Stop();
        h.Dispose();
        c.Dispose();
        return new BaselineResult(iterations, iterations * (double)loader.SymbolsPerBatch / clock.Elapsed.TotalSeconds, loss);
    }

    private static nn.Module Recurrent(ModelConfig model, int vocabularySize)
    {
        int input = model.InputSize(vocabularySize);
        double dropout = model.Layers > 1 ? model.Dropout : 0;
        return model.Cell switch
        {
            CellType.Lstm => nn.LSTM(input, model.Hidden, model.Layers, batchFirst: true, dropout: dropout),
            CellType.Gru => nn.GRU(input, model.Hidden, model.Layers, batchFirst: true, dropout: dropout),
            _ => nn.RNN(input, model.Hidden, model.Layers, nn.NonLinearities.Tanh, batchFirst: true, dropout: dropout),
        };
    }

    /// <returns>Output (B, T, H) and the new state; c is unused (returned as is) for GRU/RNN.</returns>
    private static (Tensor Output, Tensor H, Tensor C) Forward(nn.Module rnn, Tensor input, Tensor h, Tensor c) => rnn switch
    {
        LSTM lstm => lstm.call(input, (h, c)),
        GRU gru => Pair(gru.call(input, h), c),
        RNN vanilla => Pair(vanilla.call(input, h), c),
        _ => throw new InvalidOperationException($"Unexpected module {rnn.GetType().Name}."),
    };

    private static (Tensor, Tensor, Tensor) Pair((Tensor Output, Tensor H) result, Tensor c) => (result.Output, result.H, c.alias());
}
