// CharRnnLab: watch a char-LSTM learn in the browser. See LabApplication for the setup.
CharRnnLab.Web.LabApplication.Build(args).Run();
