// ContractHost
