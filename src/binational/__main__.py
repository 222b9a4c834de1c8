from binational.cli import main

main()
