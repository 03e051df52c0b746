namespace PdeFlows.Discretization.Assembly;

/// <summary>∫_T w ∇λ_a·∇λ_b: the gradients are constant, so only ∫_T w is needed, by the cell rule.</summary>
internal readonly struct WeightedStiffnessKernel<TWeight>(TWeight weight) : ICellKernel
    where TWeight : struct, ICellWeight
{
    public void Compute(int cell, CellWorkspace workspace, Span<double> local)
    {
        double det = workspace.ComputeGradients(cell);
        var rule = workspace.Rule;
        double integral = 0;
        for (int q = 0; q < rule.PointCount; q++)
        {
            workspace.MapQuadraturePoint(cell, q);
            integral += rule.Weights[q] * weight.At(cell, rule.BarycentricPoint(q), workspace.Point);
        }

        integral *= det;
        int d = workspace.Mesh.Dimension;
        var g = workspace.Gradients;
        for (int a = 0; a <= d; a++)
        {
            for (int b = a; b <= d; b++)
            {
                double dot = 0;
                for (int r = 0; r < d; r++)
                {
                    dot += g[(a * d) + r] * g[(b * d) + r];
                }

                local[(a * (d + 1)) + b] = integral * dot;
                local[(b * (d + 1)) + a] = integral * dot;
            }
        }
    }
}

/// <summary>∫_T w λ_a λ_b by the cell rule.</summary>
internal readonly struct WeightedMassKernel<TWeight>(TWeight weight) : ICellKernel
    where TWeight : struct, ICellWeight
{
    public void Compute(int cell, CellWorkspace workspace, Span<double> local)
    {
        double det = workspace.JacobianDeterminant(cell);
        var rule = workspace.Rule;
        int nv = workspace.Mesh.VerticesPerCell;
        local.Clear();
        for (int q = 0; q < rule.PointCount; q++)
        {
            workspace.MapQuadraturePoint(cell, q);
            var lambda = rule.BarycentricPoint(q);
            double factor = rule.Weights[q] * det * weight.At(cell, lambda, workspace.Point);
            for (int a = 0; a < nv; a++)
            {
                double fa = factor * lambda[a];
                for (int b = 0; b < nv; b++)
                {
                    local[(a * nv) + b] += fa * lambda[b];
                }
            }
        }
    }
}

/// <summary>Exact P1 mass: ∫_T λ_a λ_b = |T| (1 + δ_ab) / ((d+1)(d+2)).</summary>
internal readonly struct ConsistentMassKernel : ICellKernel
{
    public void Compute(int cell, CellWorkspace workspace, Span<double> local)
    {
        int d = workspace.Mesh.Dimension;
        double volume = workspace.JacobianDeterminant(cell) * Geometry.AffineSimplexMap.ReferenceVolume(d);
        double off = volume / ((d + 1) * (d + 2));
        for (int a = 0; a <= d; a++)
        {
            for (int b = 0; b <= d; b++)
            {
                local[(a * (d + 1)) + b] = a == b ? 2 * off : off;
            }
        }
    }
}

/// <summary>∫_T f λ_a by the cell rule.</summary>
internal readonly struct LoadKernel<TWeight>(TWeight source) : ICellKernel
    where TWeight : struct, ICellWeight
{
    public void Compute(int cell, CellWorkspace workspace, Span<double> local)
    {
        double det = workspace.JacobianDeterminant(cell);
        var rule = workspace.Rule;
        int nv = workspace.Mesh.VerticesPerCell;
        local.Clear();
        for (int q = 0; q < rule.PointCount; q++)
        {
            workspace.MapQuadraturePoint(cell, q);
            var lambda = rule.BarycentricPoint(q);
            double factor = rule.Weights[q] * det * source.At(cell, lambda, workspace.Point);
            for (int a = 0; a < nv; a++)
            {
                local[a] += factor * lambda[a];
            }
        }
    }
}

/// <summary>Lumped mass: ∫_T λ_a = |T| / (d+1).</summary>
internal readonly struct LumpedMassKernel : ICellKernel
{
    public void Compute(int cell, CellWorkspace workspace, Span<double> local)
    {
        int d = workspace.Mesh.Dimension;
        double share = workspace.JacobianDeterminant(cell) * Geometry.AffineSimplexMap.ReferenceVolume(d) / (d + 1);
        local[..(d + 1)].Fill(share);
    }
}
