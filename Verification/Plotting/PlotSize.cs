namespace PdeFlows.Verification.Plotting;

/// <summary>The pixel size of a written PNG.</summary>
/// <param name="Width">Width in pixels, positive.</param>
/// <param name="Height">Height in pixels, positive.</param>
public readonly record struct PlotSize(int Width, int Height)
{
    /// <summary>800 × 600, the size of single plots.</summary>
    public static PlotSize Default => new(800, 600);

    internal void Validate()
    {
        if (Width <= 0 || Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PlotSize), $"plot size {Width} × {Height} must be positive");
        }
    }
}
