using System.Collections;
using CharRnnLab.Core.Checkpoints.Export;
using CharRnnLab.Core.Model;
using TorchSharp;
using TorchSharp.PyBridge;

namespace CharRnnLab.Core.Tests.Checkpoints.Export;

/// <summary>The .pt export unpickled again (PyBridge's reader, as torch.load would): a state dict and the metadata.</summary>
public sealed class PtWriterTests
{
    [Fact]
    public async Task A_vanilla_rnn_round_trips_as_a_state_dict_with_metadata()
    {
        var weights = TestModels.Random(CellType.Rnn, layers: 2, hidden: 4, vocabulary: 5);
        using var file = new MemoryStream();
        using var lane = TrainingFixtures.NewLane();

        await lane.Run(() => WeightsExporter.Write(file, weights, "tiny", ExportFormat.Pt));

        file.Position = 0;
        var read = await lane.Run(() =>
        {
            using var scope = torch.NewDisposeScope();
            var saved = PyTorchUnpickler.UnpickleStateDict(file, leaveOpen: true);
            var stateDict = (IDictionary)saved[PtWriter.StateDictKey]!;
            var metadata = (IDictionary)saved[PtWriter.MetadataKey]!;
            var names = stateDict.Keys.Cast<string>().Order().ToArray();
            var hh1 = ((torch.Tensor)stateDict["rnn.weight_hh_l1"]!).data<float>().ToArray();
            var shape = ((torch.Tensor)stateDict["decoder.weight"]!).shape;
            return (names, hh1, shape, Vocabulary: (string)metadata[ExportMetadata.Vocabulary]!);
        });

        Assert.Equal(ParameterLayout.For(weights.Config, 5).Select(p => p.Name).Order(), read.names);
        Assert.Equal(weights.Layers[1].WeightHh, read.hh1);
        Assert.Equal([5L, 4], read.shape);
        Assert.Equal("[\"a\",\"b\",\"c\",\"d\",\"e\"]", read.Vocabulary);
    }
}
