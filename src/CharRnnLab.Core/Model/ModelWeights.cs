using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Model;

/// <summary>
/// One recurrent layer's parameters as plain row-major arrays, in PyTorch's layout:
/// <c>WeightIh</c> is (G·H, I), <c>WeightHh</c> is (G·H, H), biases are (G·H), with G gates
/// stacked in PyTorch order (LSTM i,f,g,o; GRU r,z,n).
/// </summary>
public sealed record LayerWeights(
    int InputSize,
    int HiddenSize,
    float[] WeightIh,
    float[] WeightHh,
    float[] BiasIh,
    float[] BiasHh);

/// <summary>
/// A detached copy of a model's weights on the CPU: what samplers and recorders work from, so
/// they never touch the module the trainer is updating. No tensors: plain arrays.
/// </summary>
/// <param name="Config">The model's shape.</param>
/// <param name="Vocabulary">Symbol i of the input/output is Vocabulary[i].</param>
/// <param name="Embedding">(V, E) row-major, or null for one-hot input.</param>
/// <param name="Layers">The recurrent layers, input first.</param>
/// <param name="HeadWeight">(V, H) row-major output projection.</param>
/// <param name="HeadBias">(V).</param>
/// <param name="Iteration">Training iteration the snapshot was taken at.</param>
public sealed record ModelWeights(
    ModelConfig Config,
    Vocabulary Vocabulary,
    float[]? Embedding,
    LayerWeights[] Layers,
    float[] HeadWeight,
    float[] HeadBias,
    int Iteration);
