using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Source files of a C-like language: header and doc comments, #include/#define, structs,
/// functions whose if/else, for, while and do bodies nest up to <see cref="GeneratorConfig.MaxDepth"/>
/// braces deep, indented by tabs or by 2 or 4 spaces, in K&amp;R or Allman style, with line and
/// block comments and string literals. Karpathy's Linux-kernel corpus in miniature.
/// Tracks: <see cref="CorpusTracks.Indent"/>, <see cref="CorpusTracks.Comment"/>, <see cref="CorpusTracks.Quote"/>, <see cref="CorpusTracks.Url"/>.
/// </summary>
public sealed class CodeGenerator : ICorpusGenerator
{
    public string Name => "code";

    private static readonly string[] Headers = ["stdio.h", "stdlib.h", "string.h", "stdint.h", "stdbool.h", "errno.h"];

    public void WriteDocument(TrackedText output, DeterministicRandom random, GeneratorConfig config)
    {
        var w = new CodeWriter(CodeStyle.Pick(random));
        var code = new CodeStatements(random, w, config.MaxDepth);
        string module = code.Noun() + "_" + code.Noun();
        FileHeader(w, random, code, module);
        if (random.Chance(0.7)) Struct(w, random, code);
        int functions = random.Between(2, 6);
        for (int f = 0; f < functions; f++)
        {
            if (f > 0) w.Blank();
            Function(w, random, code);
        }
        Markup.Emit(output, w.ToString(), braces: true);
    }

    private static void FileHeader(CodeWriter w, DeterministicRandom random, CodeStatements code, string module)
    {
        w.Line(Markup.BeginComment + "/*");
        w.Line($" * {module}.c - {code.Phrase()}");
        w.Line(" *");
        w.Line($" * Copyright (C) {random.Between(1991, 2024)} {random.Pick(Lexicon.FirstNames)} {random.Pick(Lexicon.Surnames)}");
        w.Line(" *" + Markup.EndComment + "/");
        w.Blank();
        foreach (string header in Headers.Where(_ => random.Chance(0.5))) w.Line($"#include <{header}>");
        w.Line($"#include \"{module}.h\"");
        w.Blank();
        for (int d = random.Between(1, 3); d > 0; d--)
            w.Line($"#define {code.Noun().ToUpperInvariant()}_{random.Pick(["MAX", "MIN", "SHIFT", "MASK"])} {random.Between(1, 1024)}");
        if (random.Chance(0.4))
            w.Line($"static const int {code.Noun()}_table[] = {{ {string.Join(", ", Enumerable.Range(0, random.Between(3, 8)).Select(_ => random.Between(0, 255)))} }};");
        w.Blank();
    }

    private static void Struct(CodeWriter w, DeterministicRandom random, CodeStatements code)
    {
        w.Open($"struct {code.Noun()}");
        for (int f = random.Between(2, 6); f > 0; f--)
        {
            string field = $"{random.Pick(CodeStatements.Types)} {code.Identifier()};";
            w.Line(random.Chance(0.3) ? field + " " + CodeStatements.LineComment(code.Phrase()) : field);
        }
        w.Close(";");
        w.Blank();
    }

    private static void Function(CodeWriter w, DeterministicRandom random, CodeStatements code)
    {
        string name = code.Function();
        var parameters = Enumerable.Range(0, random.Between(0, 3)).Select(_ => code.Identifier()).Distinct().ToList();
        if (random.Chance(0.5)) DocComment(w, random, code, name, parameters);
        else if (random.Chance(0.4)) w.Line(CodeStatements.LineComment(code.Phrase()));
        string signature = string.Join(", ", parameters.Select(p => $"{random.Pick(CodeStatements.Types)} {p}"));
        w.Open($"{(random.Chance(0.4) ? "static " : "")}{random.Pick(CodeStatements.Types)} {name}({(signature.Length == 0 ? "void" : signature)})", function: true);
        code.ResetLocals(parameters);
        code.Block(minStatements: 2);
        w.Line($"return {code.Expression()};");
        w.Close();
    }

    private static void DocComment(CodeWriter w, DeterministicRandom random, CodeStatements code, string name, List<string> parameters)
    {
        w.Line(Markup.BeginComment + "/**");
        w.Line($" * {name}() - {code.Phrase()}");
        foreach (string p in parameters) w.Line($" * @{p}: {code.Phrase()}");
        if (random.Chance(0.5)) { w.Line(" *"); w.Line($" * {English.Capitalize(code.Phrase(url: false))}."); }
        w.Line(" *" + Markup.EndComment + "/");
    }
}
