// Namespaces used throughout SynthCore: the table type and its readers, the fit's progress and
// privacy accounting (every synthesizer's Fit names TrainingProgress), JSON for model files,
// invariant formatting. Other folder namespaces stay in each file, so a file's usings still say
// which steps of the flow it reaches into.
global using System.Diagnostics;
global using System.Globalization;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Microsoft.Data.Analysis;
global using SynthCore.Data;
global using SynthCore.Training;
