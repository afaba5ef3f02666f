from multivector.cli import main

main()
