from pariter.cli import main

main()
