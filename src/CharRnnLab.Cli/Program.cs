Console.WriteLine("charrnn: not implemented yet");
