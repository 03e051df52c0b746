using PdeFlows.Mesh;
using PdeFlows.Verification.Plotting;

namespace PdeFlows.Verification.Tests;

public class RasterSamplerTests
{
    [Fact]
    public void TriangleRasterReproducesALinearFieldWithRowZeroAtTheTop()
    {
        var mesh = MeshGenerators.Rectangle([-1.0, 0.0], [2.0, 1.5], 7, 5);
        double Linear(double x, double y) => (2.0 * x) + (3.0 * y) + 1.0;
        var field = Nodal(mesh, p => Linear(p[0], p[1]));
        var raster = RasterSampler.ForTriangles(mesh, resolution: 60).Sample(field);
        var grid = raster.Grid;
        Assert.Equal((60, 30), (grid.Columns, grid.Rows));
        for (int row = 0; row < grid.Rows; row++)
        {
            for (int column = 0; column < grid.Columns; column++)
            {
                Assert.Equal(Linear(grid.CentreX(column), grid.CentreY(row)), raster.Values[row, column], 1e-12);
            }
        }

        Assert.True(grid.CentreY(0) > grid.CentreY(grid.Rows - 1));
        Assert.True(raster.Values[0, 0] > raster.Values[grid.Rows - 1, 0]); // y grows upwards: the top row holds the larger values
    }

    [Fact]
    public void PixelsOutsideTheMeshAreNaN()
    {
        // one triangle (0,0), (1,0), (0,1): the upper-right half of its bounding box is outside
        var mesh = new SimplexMesh(2, [0.0, 0.0, 1.0, 0.0, 0.0, 1.0], [0, 1, 2]);
        var raster = RasterSampler.ForTriangles(mesh, resolution: 10).Sample([1.0, 1.0, 1.0]);
        Assert.True(double.IsNaN(raster.Values[0, 9])); // top right
        Assert.Equal(1.0, raster.Values[9, 0], 1e-14); // bottom left
        Assert.Equal(1.0, raster.Values[0, 0], 1e-14); // top left, x = 0.05, y = 0.95: inside
        var (minimum, maximum) = raster.Range();
        Assert.Equal(1.0, minimum, 1e-14);
        Assert.Equal(1.0, maximum, 1e-14);
    }

    [Fact]
    public void MidPlaneSliceReproducesALinearFieldEverywhere()
    {
        var mesh = MeshGenerators.Box([0.0, -1.0, 0.0], [1.0, 1.0, 3.0], 3, 4, 3);
        double Linear(double x, double y, double z) => x - (2.0 * y) + (5.0 * z);
        var field = Nodal(mesh, p => Linear(p[0], p[1], p[2]));
        var raster = RasterSampler.ForPlaneSlice(mesh, resolution: 40).Sample(field);
        var grid = raster.Grid;
        Assert.Equal((20, 40), (grid.Columns, grid.Rows));
        for (int row = 0; row < grid.Rows; row++)
        {
            for (int column = 0; column < grid.Columns; column++)
            {
                Assert.Equal(Linear(grid.CentreX(column), grid.CentreY(row), 1.5), raster.Values[row, column], 1e-11);
            }
        }
    }

    [Fact]
    public void SliceAtAnotherHeightUsesThatHeight()
    {
        var mesh = MeshGenerators.Box([0.0, 0.0, 0.0], [1.0, 1.0, 1.0], 2, 2, 5);
        var field = Nodal(mesh, p => p[2]);
        var raster = RasterSampler.ForPlaneSlice(mesh, z: 0.33, resolution: 8).Sample(field);
        Assert.All(raster.Values.Cast<double>(), v => Assert.Equal(0.33, v, 1e-12));
    }

    [Fact]
    public void WrongDimensionsAndLengthsAreRejected()
    {
        var square = MeshGenerators.Rectangle([0.0, 0.0], [1.0, 1.0], 2, 2);
        Assert.Throws<ArgumentException>(() => RasterSampler.ForPlaneSlice(square));
        Assert.Throws<ArgumentException>(() => RasterSampler.ForTriangles(MeshGenerators.Interval(0.0, 1.0, 3)));
        Assert.Throws<ArgumentException>(() => RasterSampler.ForTriangles(square, 10).Sample(new double[3]));
    }

    internal static double[] Nodal(SimplexMesh mesh, Func<double[], double> function)
    {
        int d = mesh.Dimension;
        var values = new double[mesh.VertexCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = function(mesh.Coordinates.Slice(i * d, d).ToArray());
        }

        return values;
    }
}
