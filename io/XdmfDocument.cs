using System.Globalization;
using System.Text;
using System.Xml;

namespace PdeFlows.IO;

/// <summary>
/// The XDMF 3 index of a result, in the shape ParaView and meshio's <c>TimeSeriesReader</c> read:
/// a Uniform grid <c>mesh</c> with Topology (Polyline with 2 nodes per element, Triangle or
/// Tetrahedron) and Geometry (XY for d = 1 via the padded <c>geometry_xy</c>, XY for d = 2, XYZ
/// for d = 3), then a Temporal collection with one Uniform grid per output time: an
/// <c>xi:include</c> of the mesh's Topology and Geometry, <c>Time</c>, and one
/// <c>Attribute Center="Node"</c> per field. Data items point into HDF5 files by paths relative
/// to the .xdmf. Numbers use the invariant culture and round-trip formatting.
/// </summary>
internal static class XdmfDocument
{
    private const string XIncludeNamespace = "http://www.w3.org/2001/XInclude";

    /// <summary>Where one field of one output time lives.</summary>
    public readonly record struct FieldLocation(string Name, string File, string DatasetPath);

    /// <summary>One output time of the collection.</summary>
    public sealed record Step(string Name, double Time, IReadOnlyList<FieldLocation> Fields);

    /// <summary>The XDMF text as UTF-8 bytes.</summary>
    /// <param name="dimension">Spatial dimension d.</param>
    /// <param name="vertexCount">Vertices n.</param>
    /// <param name="cellCount">Cells m.</param>
    /// <param name="meshFile">The file holding the mesh group, relative to the .xdmf.</param>
    /// <param name="steps">The completed output times, in order.</param>
    public static byte[] Build(int dimension, int vertexCount, int cellCount, string meshFile, IReadOnlyList<Step> steps)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Xdmf");
            xml.WriteAttributeString("Version", "3.0");
            xml.WriteAttributeString("xmlns", "xi", null, XIncludeNamespace);
            xml.WriteStartElement("Domain");

            xml.WriteStartElement("Grid");
            xml.WriteAttributeString("Name", "mesh");
            xml.WriteAttributeString("GridType", "Uniform");
            xml.WriteStartElement("Topology");
            xml.WriteAttributeString("TopologyType", dimension switch { 1 => "Polyline", 2 => "Triangle", _ => "Tetrahedron" });
            xml.WriteAttributeString("NumberOfElements", Integer(cellCount));
            xml.WriteAttributeString("NodesPerElement", Integer(dimension + 1));
            DataItem(xml, $"{Integer(cellCount)} {Integer(dimension + 1)}", "Int", meshFile, MeshHdf.Group + "/cells");
            xml.WriteEndElement();
            xml.WriteStartElement("Geometry");
            xml.WriteAttributeString("GeometryType", dimension == 3 ? "XYZ" : "XY");
            string geometryPath = MeshHdf.Group + (dimension == 1 ? "/geometry_xy" : "/coordinates");
            DataItem(xml, $"{Integer(vertexCount)} {Integer(dimension == 1 ? 2 : dimension)}", "Float", meshFile, geometryPath);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("Grid");
            xml.WriteAttributeString("Name", "time_series");
            xml.WriteAttributeString("GridType", "Collection");
            xml.WriteAttributeString("CollectionType", "Temporal");
            foreach (var step in steps)
            {
                xml.WriteStartElement("Grid");
                xml.WriteAttributeString("Name", step.Name);
                xml.WriteAttributeString("GridType", "Uniform");
                xml.WriteStartElement("xi", "include", XIncludeNamespace);
                xml.WriteAttributeString("xpointer", "xpointer(//Grid[@Name=\"mesh\"]/*[self::Topology or self::Geometry])");
                xml.WriteEndElement();
                xml.WriteStartElement("Time");
                xml.WriteAttributeString("Value", Real(step.Time));
                xml.WriteEndElement();
                foreach (var field in step.Fields)
                {
                    xml.WriteStartElement("Attribute");
                    xml.WriteAttributeString("Name", field.Name);
                    xml.WriteAttributeString("AttributeType", "Scalar");
                    xml.WriteAttributeString("Center", "Node");
                    DataItem(xml, Integer(vertexCount), "Float", field.File, field.DatasetPath);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Round-trip text of a double in the invariant culture.</summary>
    public static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void DataItem(XmlWriter xml, string dimensions, string numberType, string file, string datasetPath)
    {
        xml.WriteStartElement("DataItem");
        xml.WriteAttributeString("Dimensions", dimensions);
        xml.WriteAttributeString("NumberType", numberType);
        xml.WriteAttributeString("Precision", "8");
        xml.WriteAttributeString("Format", "HDF");
        xml.WriteString($"{file}:{datasetPath}");
        xml.WriteEndElement();
    }
}
