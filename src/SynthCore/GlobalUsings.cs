// Namespaces used throughout SynthCore: the table type and its readers, JSON for model files,
// invariant formatting. Folder namespaces other than Data stay in each file, so a file's usings
// still say which steps of the flow it reaches into.
global using System.Diagnostics;
global using System.Globalization;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Microsoft.Data.Analysis;
global using SynthCore.Data;
