using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Model;

/// <summary>The recurrent cell: LSTM (default), GRU, or a vanilla tanh RNN (to see why LSTMs win).</summary>
public enum CellType { Lstm, Gru, Rnn }

/// <summary>
/// The model's shape. Saved inside every checkpoint so a checkpoint alone rebuilds its model.
/// The initialisers are the defaults; the limits are in <see cref="RunSettings"/>.
/// </summary>
/// <param name="Cell">Recurrent cell type.</param>
/// <param name="Layers">Stacked recurrent layers (≥ 1).</param>
/// <param name="Hidden">Units per layer (≥ 1).</param>
/// <param name="Embedding">Input embedding size; 0 means one-hot input (char-rnn's default).</param>
/// <param name="Dropout">Dropout between recurrent layers, in [0, 1).</param>
public sealed record ModelConfig(
    CellType Cell = CellType.Lstm,
    int Layers = 2,
    int Hidden = 128,
    int Embedding = 0,
    double Dropout = 0.0)
{
    /// <summary>Gates stacked in each layer's weight matrices, in PyTorch's order:
    /// LSTM i,f,g,o (4); GRU r,z,n (3); RNN (1).</summary>
    public int GateCount => Cell switch { CellType.Lstm => 4, CellType.Gru => 3, _ => 1 };

    /// <summary>Size of the first layer's input for a vocabulary of <paramref name="vocabularySize"/>.</summary>
    public int InputSize(int vocabularySize) => Embedding > 0 ? Embedding : vocabularySize;

    /// <summary>Throws <see cref="ConfigException"/> naming the first bad value (limits: <see cref="RunSettings"/>).</summary>
    public void Validate() => RunSettings.ThrowFirst(RunSettings.Check(new RunConfig(this, new TrainingConfig()), SettingGroup.Model));
}
