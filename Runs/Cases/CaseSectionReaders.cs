using System.Collections.Immutable;
using PdeFlows.Runs.Expressions;
using PdeFlows.Runs.Toml;

namespace PdeFlows.Runs.Cases;

/// <summary>
/// Reads <c>[domain]</c>, <c>[target]</c>, <c>[initial]</c>, <c>[kernel]</c> and <c>[flow]</c>: types,
/// ranges and defaults come from <see cref="CaseKeys"/>; the rules between keys are the code here.
/// </summary>
internal static class CaseSectionReaders
{
    public static DomainSection ReadDomain(SectionReader reader)
    {
        DomainKind kind = reader.Value(CaseKeys.Domain.Kind);
        string kindText = $"kind = \"{CaseChoiceNames.NameOf(kind)}\"";
        int refine = (int)reader.Value(CaseKeys.Domain.Refine);
        string? file = reader.Read(CaseKeys.Domain.File);
        if (kind == DomainKind.Gmsh)
        {
            foreach (TomlKey unused in new TomlKey[] { CaseKeys.Domain.Lower, CaseKeys.Domain.Upper, CaseKeys.Domain.Cells })
            {
                if (reader.Has(unused))
                {
                    throw reader.Error(unused, $"not used with {kindText} (the mesh file gives the geometry)");
                }
            }

            if (file is null)
            {
                throw reader.Missing(CaseKeys.Domain.File, $"the mesh file for {kindText}");
            }

            if (string.IsNullOrWhiteSpace(file))
            {
                throw reader.Error(CaseKeys.Domain.File, "must not be empty");
            }

            return new DomainSection(kind, [], [], [], file, refine);
        }

        if (file is not null)
        {
            throw reader.Error(CaseKeys.Domain.File, $"only used with kind = \"gmsh\", not with {kindText}");
        }

        int dimension = DomainSection.DimensionOf(kind)!.Value;
        ImmutableArray<double> lower = RequiredVector(reader, CaseKeys.Domain.Lower, dimension, kindText);
        ImmutableArray<double> upper = RequiredVector(reader, CaseKeys.Domain.Upper, dimension, kindText);
        CheckOrdered(reader, CaseKeys.Domain.Upper, lower, upper);
        ImmutableArray<int> cells = reader.Read(CaseKeys.Domain.Cells) ?? throw reader.Missing(CaseKeys.Domain.Cells, "cells per axis");
        CheckLength(reader, CaseKeys.Domain.Cells, cells.Length, dimension, kindText);
        return new DomainSection(kind, lower, upper, cells, null, refine);
    }

    public static TargetSection ReadTarget(SectionReader reader, DomainSection domain)
    {
        bool potential = reader.Has(CaseKeys.Target.Potential);
        bool density = reader.Has(CaseKeys.Target.Density);
        if (potential && density)
        {
            throw reader.Error(CaseKeys.Target.Density, "give exactly one of potential and density, not both");
        }

        if (!potential && !density)
        {
            throw new CaseFileException(reader.Table.Location, reader.Path, "needs exactly one of potential (π ∝ e^{-V}) or density (π up to a constant)");
        }

        ExpressionKey key = potential ? CaseKeys.Target.Potential : CaseKeys.Target.Density;
        CompiledExpression expression = reader.Read(key, SpaceVariables(domain))!;
        return new TargetSection(potential ? TargetKind.Potential : TargetKind.Density, expression);
    }

    public static InitialSection ReadInitial(SectionReader reader, DomainSection domain) =>
        new(reader.Read(CaseKeys.Initial.Density, SpaceVariables(domain))!, reader.Read(CaseKeys.Initial.Mass));

    public static KernelSection ReadKernel(SectionReader reader) => new(
        reader.Value(CaseKeys.Kernel.Kind),
        reader.Read(CaseKeys.Kernel.Bandwidth) is double bandwidth ? KernelBandwidth.Fixed(bandwidth) : KernelBandwidth.Median,
        reader.Value(CaseKeys.Kernel.Lambda));

    public static FlowSection ReadFlow(SectionReader reader, DomainSection domain, KernelSection? kernel)
    {
        FlowKind kind = reader.Value(CaseKeys.Flow.Kind);
        string kindText = $"kind = \"{CaseChoiceNames.NameOf(kind)}\"";
        EnergyKind energy = reader.Value(CaseKeys.Flow.Energy);
        double alpha = reader.Value(CaseKeys.Flow.Alpha);
        double beta = reader.Value(CaseKeys.Flow.Beta);
        ReactionKind reaction = reader.Value(CaseKeys.Flow.Reaction);
        CompiledExpression? source = reader.Read(CaseKeys.Flow.Source, SpaceVariables(domain));
        double epsilon = reader.Value(CaseKeys.Flow.Epsilon);
        var flow = new FlowSection(kind, energy, alpha, beta, reaction, source, epsilon);

        if (alpha == 0.0 && beta == 0.0)
        {
            throw reader.Error(reader.Has(CaseKeys.Flow.Beta) ? CaseKeys.Flow.Beta : CaseKeys.Flow.Alpha, "alpha and beta are both 0: the flow would not move");
        }

        if (kind == FlowKind.Wasserstein && alpha == 0.0)
        {
            throw reader.Error(CaseKeys.Flow.Alpha, $"must be > 0 for {kindText} (the transport weight), got 0");
        }

        if (kind is FlowKind.FisherRao or FlowKind.SphericalFisherRao && beta == 0.0)
        {
            throw reader.Error(CaseKeys.Flow.Beta, $"must be > 0 for {kindText} (the reaction weight), got 0");
        }

        if (reaction != ReactionKind.Exact)
        {
            string reactionText = $"reaction = \"{CaseChoiceNames.NameOf(reaction)}\"";
            if (!flow.HasReaction)
            {
                string why = flow.KindHasReaction ? $"{kindText} with beta = 0 has none" : $"{kindText} has none";
                throw reader.Error(CaseKeys.Flow.Reaction, $"{reactionText} needs a flow with a reaction part, and {why}");
            }

            if (kernel is null)
            {
                throw reader.Error(CaseKeys.Flow.Reaction, $"{reactionText} needs a [kernel] section");
            }

            // λ-FRk has its spherical form under its own name: a mismatch would silently run a flow
            // that changes mass under a spherical kind (or keeps it under an unbalanced one).
            if (reaction == ReactionKind.KernelFisherRao && flow.IsSpherical)
            {
                throw reader.Error(CaseKeys.Flow.Reaction, $"{reactionText} is the unbalanced λ-FRk (it changes the mass), but [flow] {kindText} is spherical; use [flow] reaction = \"kernel-fr-spherical\" (its mass-preserving form) or [flow] kind = \"{(kind == FlowKind.SphericalFisherRao ? "fr" : "wfr")}\"");
            }

            if (reaction == ReactionKind.KernelFisherRaoSpherical && !flow.IsSpherical)
            {
                throw reader.Error(CaseKeys.Flow.Reaction, $"{reactionText} keeps the mass, but [flow] {kindText} is unbalanced; use [flow] reaction = \"kernel-fr\" or [flow] kind = \"{(kind == FlowKind.FisherRao ? "sfr" : "swfr")}\"");
            }
        }

        if (energy == EnergyKind.MaximumMeanDiscrepancy && kernel is null)
        {
            throw reader.Error(CaseKeys.Flow.Energy, "energy = \"mmd\" needs a [kernel] section");
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

    /// <summary>A required vector with one entry per axis.</summary>
    public static ImmutableArray<double> RequiredVector(SectionReader reader, NumberArrayKey key, int dimension, string kindText)
    {
        ImmutableArray<double> vector = reader.Read(key) ?? throw reader.Missing(key, $"{dimension} coordinate{(dimension == 1 ? "" : "s")}");
        CheckLength(reader, key, vector.Length, dimension, kindText);
        return vector;
    }

    /// <summary>Rejects a vector whose length is not the dimension.</summary>
    public static void CheckLength(SectionReader reader, TomlKey key, int length, int dimension, string context)
    {
        if (length != dimension)
        {
            throw reader.Error(key, $"must have {dimension} entr{(dimension == 1 ? "y" : "ies")} for {context}, got {length}");
        }
    }

    /// <summary>Rejects <paramref name="upper"/> not greater than <paramref name="lower"/> in every coordinate.</summary>
    public static void CheckOrdered(SectionReader reader, TomlKey upperKey, ImmutableArray<double> lower, ImmutableArray<double> upper)
    {
        for (int k = 0; k < lower.Length; k++)
        {
            if (!(lower[k] < upper[k]))
            {
                throw reader.Error(upperKey, $"must be greater than lower in every coordinate; coordinate {k + 1}: upper {TomlText.Format(upper[k])} ≤ lower {TomlText.Format(lower[k])}");
            }
        }
    }
}
