using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Tests.Cases;

/// <summary>
/// Bad case files: each message names the file, the line (and column) and the key.
/// Every case edits <see cref="CaseFileDefaultsTests.Minimal"/>, whose lines are:
/// 1 [domain], 2 kind, 3 lower, 4 upper, 5 cells, 7 [target], 8 density, 10 [initial], 11 density,
/// 13 [flow], 14 kind, 16 [time], 17 end, 18 step; text appended after it starts on line 19.
/// </summary>
public class CaseFileErrorTests
{
    private static CaseFileException Fails(string text) =>
        Assert.Throws<CaseFileException>(() => CaseFileLoader.Parse(text, "case.toml"));

    private static string Edit(string old, string replacement)
    {
        Assert.Contains(old, CaseFileDefaultsTests.Minimal);
        return CaseFileDefaultsTests.Minimal.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static string Append(string text) => CaseFileDefaultsTests.Minimal + "\n" + text;

    public static TheoryData<string, string> BadFiles => new()
    {
        // unknown keys and sections, with suggestions
        { Edit("kind = \"fr\"", "kind = \"fr\"\nalpah = 1"), "case.toml:15:1: [flow] alpah: unknown key; did you mean 'alpha'?" },
        { Edit("kind = \"fr\"", "kind = \"fr\"\nend = 3"), "case.toml:15:1: [flow] end: unknown key; 'end' belongs in [time]" },
        { Edit("kind = \"fr\"", "kind = \"fr\"\ncolour = 3"), "case.toml:15:1: [flow] colour: unknown key; allowed: kind, energy, alpha, beta, reaction, source, epsilon" },
        { "alpha = 1\n" + CaseFileDefaultsTests.Minimal, "case.toml:1:1: alpha: unknown key; 'alpha' belongs in [flow]" },
        { Edit("kind = \"interval\"", "kind = \"Interval\""), "case.toml:2:8: [domain] kind: unknown value \"Interval\" (allowed: \"interval\", \"rectangle\", \"box\", \"gmsh\"); did you mean \"interval\"?" },
        { Append("[flwo]\nalpha = 1"), "case.toml:19:2: flwo: unknown section [flwo]; did you mean [flow]?" },
        { "nmae = \"x\"\n" + CaseFileDefaultsTests.Minimal, "case.toml:1:1: nmae: unknown key; did you mean 'name'?" },
        { Append("[output]\ncheckpoint_evry = 3"), "case.toml:20:1: [output] checkpoint_evry: unknown key; did you mean 'checkpoint_every'?" },
        { Edit("kind = \"fr\"", "kind = \"fr\"\nreaction_tolerance = 1e-6"), "case.toml:15:1: [flow] reaction_tolerance: unknown key; 'reaction_tolerance' belongs in [solver]" },
        { Append("[solver]\nreaction_tolerance = 0"), "case.toml:20:22: [solver] reaction_tolerance: must be > 0, got 0" },
        { Append("[solver]\nreaction_tolerance = \"tight\""), "case.toml:20:22: [solver] reaction_tolerance: expected a number, got string \"tight\"" },
        { Append("[output]\nregions = { a = { lower = [0.0], uper = [1.0] } }"), "case.toml:20:34: [output] regions.a.uper: unknown key; did you mean 'upper'?" },

        // wrong types
        { Edit("kind = \"fr\"", "kind = \"fr\"\nalpha = \"one\""), "case.toml:15:9: [flow] alpha: expected a number, got string \"one\"" },
        { Edit("cells = [10]", "cells = [10.5]"), "case.toml:5:10: [domain] cells: item 1: expected an integer, got the float 10.5" },
        { Edit("lower = [0.0]", "lower = 0.0"), "case.toml:3:9: [domain] lower: expected an array of numbers, got float 0.0" },
        { Edit("kind = \"fr\"", "kind = 3"), "case.toml:14:8: [flow] kind: expected a string, got integer 3" },
        { "kernel = 3\n" + CaseFileDefaultsTests.Minimal, "case.toml:1:1: [kernel]: must be a section, written [kernel], got integer 3" },
        { Edit("step = 0.5", "step = inf"), "case.toml:18:8: [time] step: must be finite, got inf" },

        // missing sections and keys
        { Edit("[time]\nend = 2\nstep = 0.5", ""), "case.toml:1: [time]: missing required section" },
        { Edit("step = 0.5", ""), "case.toml:16:1: [time] step: missing required key" },
        { Edit("kind = \"fr\"", "energy = \"kl\""), "case.toml:13:1: [flow] kind: missing required key (fr, sfr, w, wfr or swfr)" },
        { Edit("density = \"1 + x\"", ""), "case.toml:7:1: [target]: needs exactly one of potential (π ∝ e^{-V}) or density (π up to a constant)" },
        { Edit("density = \"1 + x\"", "density = \"1 + x\"\npotential = \"x^2\""), "case.toml:8:11: [target] density: give exactly one of potential and density, not both" },

        // expressions: the line of the key, the column of the character inside the string
        { Edit("density = \"1 + x\"", "density = \"1 + x*t\""), "case.toml:8:18: [target] density: in \"1 + x*t\": variable 't' at column 7 is not allowed here (allowed: x, pi, e)" },
        { Edit("density = \"1\"", "density = \"(1 + x))\""), "case.toml:11:19: [initial] density: in \"(1 + x))\": unexpected ')' at column 8" },
        { Edit("density = \"1\"", "density = \"x + y\""), "case.toml:11:16: [initial] density: in \"x + y\": variable 'y' at column 5 is not allowed here (allowed: x, pi, e)" },

        // values out of range
        { Edit("step = 0.5", "step = -0.1"), "case.toml:18:8: [time] step: must be > 0, got -0.1" },
        { Edit("step = 0.5", "step = 5"), "case.toml:18:8: [time] step: must be ≤ end = 2, got 5" },
        { Edit("end = 2", "end = 0"), "case.toml:17:7: [time] end: must be > 0, got 0" },
        { Edit("kind = \"fr\"", "kind = \"fr\"\nalpha = -1"), "case.toml:15:9: [flow] alpha: must be ≥ 0, got -1" },
        { Edit("kind = \"fr\"", "kind = \"wfr\"\nalpha = 0\nbeta = 0"), "case.toml:16:8: [flow] beta: alpha and beta are both 0: the flow would not move" },
        { Edit("kind = \"fr\"", "kind = \"w\"\nalpha = 0"), "case.toml:15:9: [flow] alpha: must be > 0 for kind = \"w\" (the transport weight), got 0" },
        { Edit("kind = \"fr\"", "kind = \"fr\"\nepsilon = 0"), "case.toml:15:11: [flow] epsilon: must be > 0, got 0" },
        { Edit("density = \"1\"", "density = \"1\"\nmass = -2"), "case.toml:12:8: [initial] mass: must be > 0, got -2" },
        { Edit("cells = [10]", "cells = [0]"), "case.toml:5:10: [domain] cells: item 1: must be ≥ 1, got 0" },
        { Edit("upper = [1.0]", "upper = [0.0]"), "case.toml:4:9: [domain] upper: must be greater than lower in every coordinate; coordinate 1: upper 0 ≤ lower 0" },
        { Edit("lower = [0.0]", "lower = [0.0, 0.0]"), "case.toml:3:9: [domain] lower: must have 1 entry for kind = \"interval\", got 2" },
        { Edit("kind = \"interval\"", "kind = \"rectangle\""), "case.toml:3:9: [domain] lower: must have 2 entries for kind = \"rectangle\", got 1" },
        { Edit("cells = [10]", "cells = [10]\nfile = \"a.msh\""), "case.toml:6:8: [domain] file: only used with kind = \"gmsh\", not with kind = \"interval\"" },

        // enumerations
        { Edit("kind = \"fr\"", "kind = \"wrf\""), "case.toml:14:8: [flow] kind: unknown value \"wrf\" (allowed: \"fr\", \"sfr\", \"w\", \"wfr\", \"swfr\"); did you mean \"wfr\"?" },
        { Append("[time.x]"), "case.toml:19:7: [time] x: unknown key; allowed: end, step, scheme" },
        { Append("[solver]\nlinear = \"umfpack\""), "case.toml:20:10: [solver] linear: unknown value \"umfpack\" (allowed: \"auto\", \"managed\", \"cholmod\", \"pcg\")" },

        // output
        { Append("[output]\ntimes = [0, 3]"), "case.toml:20:9: [output] times: item 2: must be in [0, end = 2], got 3" },
        { Append("[output]\ntimes = [0, 1, 1]"), "case.toml:20:9: [output] times: must be strictly increasing; item 3 (1) ≤ item 2 (1)" },
        { Append("[output]\nprobes = [[0.5], [0.5, 0.5]]"), "case.toml:20:18: [output] probes: item 2: must have 1 coordinate for the domain, got 2" },
        { Append("[output]\nregions = { a = { lower = [0.5], upper = [0.2] } }"), "case.toml:20:42: [output] regions.a.upper: must be greater than lower in every coordinate; coordinate 1: upper 0.2 ≤ lower 0.5" },
        { Append("[output]\ncheckpoint_every = -1"), "case.toml:20:20: [output] checkpoint_every: must be ≥ 0, got -1" },

        // combinations that need [kernel]
        { Edit("kind = \"fr\"", "kind = \"fr\"\nenergy = \"mmd\""), "case.toml:15:10: [flow] energy: energy = \"mmd\" needs a [kernel] section" },
        { Edit("kind = \"fr\"", "kind = \"fr\"\nreaction = \"frk\""), "case.toml:15:12: [flow] reaction: reaction = \"frk\" needs a [kernel] section" },
        { Edit("kind = \"fr\"", "kind = \"w\"\nreaction = \"kernel-fr\""), "case.toml:15:12: [flow] reaction: reaction = \"kernel-fr\" needs a flow with a reaction part, and kind = \"w\" has none" },
        { Append("[kernel]\nlambda = 0"), "case.toml:20:10: [kernel] lambda: must be > 0, got 0" },
        { Append("[kernel]\nbandwidth = \"mean\""), "case.toml:20:13: [kernel] bandwidth: expected a positive number or \"median\", got string \"mean\"" },

        // particles placeholder is validated
        { Append("[particles]\nseed = 1"), "case.toml:19:1: [particles] count: missing required key" },
        { Append("[particles]\ncount = 0"), "case.toml:20:9: [particles] count: must be ≥ 1, got 0" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Message_names_file_line_and_key(string text, string message)
    {
        CaseFileException error = Fails(text);
        Assert.Equal(message, error.Message);
        Assert.Equal("case.toml", error.File);
    }

    [Fact]
    public void Exception_properties_match_the_message()
    {
        CaseFileException error = Fails(Edit("kind = \"fr\"", "kind = \"fr\"\nalpha = -1"));
        Assert.Equal(15, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Equal("flow.alpha", error.Key);
        Assert.Equal("must be ≥ 0, got -1", error.Reason);
    }

    [Fact]
    public void Expression_error_keeps_the_expression_exception()
    {
        CaseFileException error = Fails(Edit("density = \"1 + x\"", "density = \"1 + ep(x)\""));
        Assert.StartsWith("case.toml:8:16: [target] density: in \"1 + ep(x)\": unknown function 'ep' at column 5", error.Message);
        var inner = Assert.IsType<PdeFlows.Runs.Expressions.ExpressionException>(error.InnerException);
        Assert.Equal(5, inner.Column);
    }

    [Fact]
    public void Expression_column_falls_back_to_the_string_when_it_has_escapes()
    {
        CaseFileException error = Fails(Edit("density = \"1 + x\"", "density = \"1 \\u002B w\""));
        Assert.StartsWith("case.toml:8:11: [target] density: in \"1 + w\": unknown variable 'w' at column 5", error.Message);
    }

    [Fact]
    public void Toml_syntax_error_names_the_line()
    {
        CaseFileException error = Fails(Edit("kind = \"fr\"", "kind = \"fr\"\nalpha = = 1"));
        Assert.StartsWith("case.toml:15:", error.Message);
        Assert.Contains("TOML syntax error", error.Message);
        Assert.Null(error.Key);
        Assert.Equal(15, error.Line);
    }

    [Fact]
    public void Duplicate_key_names_the_line()
    {
        CaseFileException error = Fails(Edit("kind = \"fr\"", "kind = \"fr\"\nkind = \"w\""));
        Assert.StartsWith("case.toml:15:", error.Message);
    }

    [Fact]
    public void Unreadable_file_names_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pdeflows-missing-{Guid.NewGuid():N}.toml");
        CaseFileException error = Assert.Throws<CaseFileException>(() => CaseFileLoader.Load(path));
        Assert.StartsWith($"{path}:1: cannot read the case file", error.Message);
    }

    [Fact]
    public void Gmsh_domain_needs_a_file_and_takes_no_corners()
    {
        CaseFileException missing = Fails(Edit("kind = \"interval\"\nlower = [0.0]\nupper = [1.0]\ncells = [10]", "kind = \"gmsh\""));
        Assert.Equal("case.toml:1:1: [domain] file: missing required key (the mesh file for kind = \"gmsh\")", missing.Message);
        CaseFileException corners = Fails(Edit("kind = \"interval\"", "kind = \"gmsh\"\nfile = \"a.msh\""));
        Assert.Equal("case.toml:4:9: [domain] lower: not used with kind = \"gmsh\" (the mesh file gives the geometry)", corners.Message);
    }
}
