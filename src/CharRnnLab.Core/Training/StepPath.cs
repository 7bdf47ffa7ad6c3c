namespace CharRnnLab.Core.Training;

/// <summary>How a training step computes its gradients.</summary>
public enum StepPath
{
    /// <summary>The fastest path that computes the same thing: <see cref="ExplicitLstmStep"/> for an LSTM
    /// without dropout on the CPU, libtorch's autograd otherwise.</summary>
    Automatic,

    /// <summary>libtorch's autograd through nn.LSTM/GRU/RNN always: the plain path, kept for tests and the bench.</summary>
    Autograd,
}
