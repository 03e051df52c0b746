using System.Collections.Immutable;
using PdeFlows.Flows.Expressions;

namespace PdeFlows.Flows.Cases;

/// <summary>Reads and validates <c>[domain]</c>, <c>[target]</c>, <c>[initial]</c>, <c>[kernel]</c> and <c>[flow]</c>.</summary>
internal static class CaseSectionReaders
{
    public static DomainSection ReadDomain(SectionReader reader)
    {
        if (!reader.Has("kind"))
        {
            throw reader.Missing("kind", "interval, rectangle, box or gmsh");
        }

        DomainKind kind = reader.Choice("kind", DomainKind.Interval);
        string kindText = $"kind = \"{CaseChoiceNames.NameOf(kind)}\"";
        int refine = (int)(reader.OptionalInteger("refine", 0, 12) ?? 0);
        string? file = reader.OptionalString("file");
        if (kind == DomainKind.Gmsh)
        {
            foreach (string unused in new[] { "lower", "upper", "cells" })
            {
                if (reader.Has(unused))
                {
                    throw reader.Error(unused, $"not used with {kindText} (the mesh file gives the geometry)");
                }
            }

            if (file is null)
            {
                throw reader.Missing("file", $"the mesh file for {kindText}");
            }

            if (string.IsNullOrWhiteSpace(file))
            {
                throw reader.Error("file", "must not be empty");
            }

            return new DomainSection(kind, [], [], [], file, refine);
        }

        if (file is not null)
        {
            throw reader.Error("file", $"only used with kind = \"gmsh\", not with {kindText}");
        }

        int dimension = DomainSection.DimensionOf(kind)!.Value;
        ImmutableArray<double> lower = RequiredVector(reader, "lower", dimension, kindText);
        ImmutableArray<double> upper = RequiredVector(reader, "upper", dimension, kindText);
        CheckOrdered(reader, "upper", lower, upper);
        if (!reader.Has("cells"))
        {
            throw reader.Missing("cells", "cells per axis");
        }

        ImmutableArray<int> cells = reader.ToIntegerVector(reader.Table.Entries["cells"].Value, "cells", 1);
        CheckLength(reader, "cells", cells.Length, dimension, kindText);
        return new DomainSection(kind, lower, upper, cells, null, refine);
    }

    public static TargetSection ReadTarget(SectionReader reader, DomainSection domain)
    {
        bool potential = reader.Has("potential");
        bool density = reader.Has("density");
        if (potential && density)
        {
            throw reader.Error("density", "give exactly one of potential and density, not both");
        }

        if (!potential && !density)
        {
            throw new CaseFileException(reader.Table.Location, "target", "needs exactly one of potential (π ∝ e^{-V}) or density (π up to a constant)");
        }

        string key = potential ? "potential" : "density";
        CompiledExpression expression = reader.OptionalExpression(key, SpaceVariables(domain))!;
        return new TargetSection(potential ? TargetKind.Potential : TargetKind.Density, expression);
    }

    public static InitialSection ReadInitial(SectionReader reader, DomainSection domain)
    {
        CompiledExpression density = reader.OptionalExpression("density", SpaceVariables(domain)) ?? throw reader.Missing("density");
        double? mass = reader.OptionalNumber("mass");
        if (mass is double m && m <= 0.0)
        {
            throw reader.Error("mass", $"must be > 0, got {SectionReader.Format(m)}");
        }

        return new InitialSection(density, mass);
    }

    public static KernelSection ReadKernel(SectionReader reader)
    {
        KernelKind kind = reader.Choice("kind", KernelKind.Gaussian);
        KernelBandwidth bandwidth = KernelBandwidth.Median;
        if (reader.Table.Entries.TryGetValue("bandwidth", out Toml.LocatedTomlEntry? entry))
        {
            if (entry.Value is Toml.LocatedTomlScalar { Value: string text })
            {
                if (text != "median")
                {
                    throw reader.Error("bandwidth", $"expected a positive number or \"median\", got string \"{text}\"");
                }
            }
            else
            {
                double value = reader.ToNumber(entry.Value, "bandwidth", "");
                bandwidth = value > 0.0
                    ? KernelBandwidth.Fixed(value)
                    : throw reader.Error("bandwidth", $"must be > 0 (or \"median\"), got {SectionReader.Format(value)}");
            }
        }

        double lambda = Positive(reader, "lambda", KernelSection.DefaultLambda);
        return new KernelSection(kind, bandwidth, lambda);
    }

    public static FlowSection ReadFlow(SectionReader reader, DomainSection domain, KernelSection? kernel)
    {
        if (!reader.Has("kind"))
        {
            throw reader.Missing("kind", "fr, sfr, w, wfr or swfr");
        }

        FlowKind kind = reader.Choice("kind", FlowKind.FisherRao);
        string kindText = $"kind = \"{CaseChoiceNames.NameOf(kind)}\"";
        EnergyKind energy = reader.Choice("energy", EnergyKind.KullbackLeibler);
        double alpha = NonNegative(reader, "alpha", 1.0);
        double beta = NonNegative(reader, "beta", 1.0);
        ReactionKind reaction = reader.Choice("reaction", ReactionKind.Exact);
        CompiledExpression? source = reader.OptionalExpression("source", SpaceVariables(domain) | ExpressionVariables.T);
        double epsilon = Positive(reader, "epsilon", FlowSection.DefaultEpsilon);
        var flow = new FlowSection(kind, energy, alpha, beta, reaction, source, epsilon);

        if (alpha == 0.0 && beta == 0.0)
        {
            throw reader.Error(reader.Has("beta") ? "beta" : "alpha", "alpha and beta are both 0: the flow would not move");
        }

        if (kind == FlowKind.Wasserstein && alpha == 0.0)
        {
            throw reader.Error("alpha", $"must be > 0 for {kindText} (the transport weight), got 0");
        }

        if (kind is FlowKind.FisherRao or FlowKind.SphericalFisherRao && beta == 0.0)
        {
            throw reader.Error("beta", $"must be > 0 for {kindText} (the reaction weight), got 0");
        }

        if (reaction != ReactionKind.Exact)
        {
            string reactionText = $"reaction = \"{CaseChoiceNames.NameOf(reaction)}\"";
            if (!flow.HasReaction)
            {
                throw reader.Error("reaction", $"{reactionText} needs a flow with a reaction part, and {kindText} has none");
            }

            if (kernel is null)
            {
                throw reader.Error("reaction", $"{reactionText} needs a [kernel] section");
            }
        }

        if (energy == EnergyKind.MaximumMeanDiscrepancy && kernel is null)
        {
            throw reader.Error("energy", "energy = \"mmd\" needs a [kernel] section");
        }

        return flow;
    }

    /// <summary>The space variables an expression may use on <paramref name="domain"/>.</summary>
    public static ExpressionVariables SpaceVariables(DomainSection domain) => domain.Dimension switch
    {
        1 => ExpressionVariables.X,
        2 => ExpressionVariables.X | ExpressionVariables.Y,
        _ => ExpressionVariables.Space,
    };

    /// <summary>An optional number that must be ≥ 0.</summary>
    public static double NonNegative(SectionReader reader, string key, double fallback)
    {
        double value = reader.OptionalNumber(key) ?? fallback;
        return value >= 0.0 ? value : throw reader.Error(key, $"must be ≥ 0, got {SectionReader.Format(value)}");
    }

    /// <summary>An optional number that must be &gt; 0.</summary>
    public static double Positive(SectionReader reader, string key, double fallback)
    {
        double value = reader.OptionalNumber(key) ?? fallback;
        return value > 0.0 ? value : throw reader.Error(key, $"must be > 0, got {SectionReader.Format(value)}");
    }

    /// <summary>A required vector with one entry per axis.</summary>
    public static ImmutableArray<double> RequiredVector(SectionReader reader, string key, int dimension, string kindText)
    {
        ImmutableArray<double> vector = reader.OptionalVector(key) ?? throw reader.Missing(key, $"{dimension} coordinate{(dimension == 1 ? "" : "s")}");
        CheckLength(reader, key, vector.Length, dimension, kindText);
        return vector;
    }

    /// <summary>Rejects a vector whose length is not the dimension.</summary>
    public static void CheckLength(SectionReader reader, string key, int length, int dimension, string context)
    {
        if (length != dimension)
        {
            throw reader.Error(key, $"must have {dimension} entr{(dimension == 1 ? "y" : "ies")} for {context}, got {length}");
        }
    }

    /// <summary>Rejects <paramref name="upper"/> not greater than <paramref name="lower"/> in every coordinate.</summary>
    public static void CheckOrdered(SectionReader reader, string upperKey, ImmutableArray<double> lower, ImmutableArray<double> upper)
    {
        for (int k = 0; k < lower.Length; k++)
        {
            if (!(lower[k] < upper[k]))
            {
                throw reader.Error(upperKey, $"must be greater than lower in every coordinate; coordinate {k + 1}: upper {SectionReader.Format(upper[k])} ≤ lower {SectionReader.Format(lower[k])}");
            }
        }
    }
}
