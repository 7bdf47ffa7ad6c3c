namespace CharRnnLab.Core.Yardsticks.Errors;

/// <summary>
/// What kind of error a character is (Karpathy, Johnson and Fei-Fei, 2015, §4.4, simplified): each
/// error gets the first category that applies, in this order.
/// </summary>
public enum ErrorCategory : byte
{
    /// <summary>The text's first character: nothing predicts it.</summary>
    NotPredicted,
    /// <summary>The model gave the right character p ≥ the threshold: not an error.</summary>
    Correct,
    /// <summary>An n-gram model of some order ≤ k gives the right character p ≥ the threshold.</summary>
    NgramFixable,
    /// <summary>A letter or digit of a word seen at most N times in the training text.</summary>
    RareWord,
    /// <summary>Right after a space or a newline: the start of a word or line.</summary>
    AfterSpace,
    /// <summary>A punctuation mark or symbol.</summary>
    Punctuation,
    Other,
}

/// <summary>How errors are found and classified.</summary>
/// <param name="Threshold">A character the model gives a probability below this is an error (the paper's 0.5).</param>
/// <param name="OracleOrder">k: the n-gram oracle tries orders 1..k.</param>
/// <param name="RareCount">N: a word seen at most N times in training is rare.</param>
public sealed record ErrorOptions(double Threshold = 0.5, int OracleOrder = 9, int RareCount = 5);
