namespace PdeFlows.Fuzz;

/// <summary>
/// One fuzzing target: a parser of user input run on arbitrary text. <see cref="Run"/> returns
/// normally for valid input and for the documented user errors of that parser (the exception a
/// user sees as a located message, exit code 2); any other exception escapes and is a crash.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name used on the command line and in fuzz/run.sh (gmsh, case, study, expression).</summary>
    string Name { get; }

    /// <summary>What the target runs and which exception is the documented user error.</summary>
    string Description { get; }

    /// <summary>Parses <paramref name="text"/>; returns the documented user error caught, or null for valid input.</summary>
    /// <param name="text">The input, decoded as UTF-8.</param>
    /// <returns>The message of the user error, or null.</returns>
    string? Run(string text);
}
