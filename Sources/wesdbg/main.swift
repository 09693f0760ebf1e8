import WesdbgCLI

WesdbgCommand.main()
