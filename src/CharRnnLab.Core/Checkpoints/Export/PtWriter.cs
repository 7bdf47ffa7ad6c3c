using System.Collections;
using CharRnnLab.Core.Model;
using TorchSharp;
using TorchSharp.PyBridge;

namespace CharRnnLab.Core.Checkpoints.Export;

/// <summary>
/// Writes what <c>torch.load</c> reads: <c>{"state_dict": {name: tensor}, "metadata": {key: str}}</c>,
/// pickled by TorchSharp.PyBridge into PyTorch's zip format. Builds libtorch tensors: call it on
/// the compute lane.
/// </summary>
public static class PtWriter
{
    public const string StateDictKey = "state_dict", MetadataKey = "metadata";

    public static void Write(Stream output, IReadOnlyList<(ParameterShape Shape, float[] Values)> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var scope = torch.NewDisposeScope();
        var stateDict = new Dictionary<string, torch.Tensor>(); // insertion order: PyTorch's parameter order
        foreach (var (shape, values) in tensors) stateDict[shape.Name] = torch.tensor(values, shape.Shape);
        var saved = new Hashtable { [StateDictKey] = stateDict, [MetadataKey] = new Dictionary<string, string>(metadata) };
        PyTorchPickler.PickleStateDict(output, saved, leaveOpen: true);
    }
}
