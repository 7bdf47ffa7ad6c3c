using CharRnnLab.Core.Model;

namespace CharRnnLab.Cli;

/// <summary>
/// The model-shape and minibatch options `charrnn train` and `charrnn bench` share, each read
/// with its limits in this one place (null = not given).
/// </summary>
public static class SharedOptions
{
    public static CellType? Cell(ArgReader a) => a.Has("model") ? a.Choice("model", CellType.Lstm) : null;
    public static int? Hidden(ArgReader a) => a.Int("hidden", 1, 8192);
    public static int? Layers(ArgReader a) => a.Int("layers", 1, 16);
    public static int? Embedding(ArgReader a) => a.Int("embedding", 0, 8192);
    public static int? Batch(ArgReader a) => a.Int("batch", 1, 65536);
    public static int? Seq(ArgReader a) => a.Int("seq", 1, 65536);
    public static int? Threads(ArgReader a) => a.Int("threads", 0, 1024);
}
