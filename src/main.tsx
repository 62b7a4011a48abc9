import './ui/base.css';
import { boot } from './app/boot';

boot();
