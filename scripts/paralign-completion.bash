# bash completion for paralign
_paralign() {
  local cur prev cmd
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  cmd="${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "inspect align qa batch tmx terms --help --version" -- "$cur"))
    return
  fi
  if [ "$cmd" = tmx ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "validate stats merge convert" -- "$cur"))
    return
  fi
  case "$prev" in
    --to) COMPREPLY=($(compgen -W "tmx tsv json beads" -- "$cur")); return ;;
    --level) COMPREPLY=($(compgen -W "paragraph sentence" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning" -- "$cur")); return ;;
    --lang|--src-lang) COMPREPLY=($(compgen -W "zh en fr es ru ar" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    # Ask the program itself for the command's options, so completion never goes stale.
    local opts
    opts=$(paralign "$cmd" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _paralign paralign
