import './ui/lull-app';
